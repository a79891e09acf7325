import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setNow } from '#platform/clock.ts';
import { type AuthorizedEvent, principalFromEvent } from '#platform/http/auth.ts';
import { authorizerContext, createJwtAuthorizer } from '../../local/authorizer.ts';
import { createLocalServer, type LocalServer } from '../../local/server.ts';
import { issueToken, loadSigningKey, localIssuer, tokenClaims } from '../../local/tokens.ts';
import { fakeHandlers } from './fake-handlers.ts';

const key = randomBytes(32);
const handler2 = { username: 'handler2', roles: ['handler', 'lead'] as const, unitId: 'district-east' };
const fakes = fakeHandlers({ 'get-case': async () => ({ statusCode: 200, body: '{}' }) });
let server: LocalServer;
let tempRoot: string;
let base: string;

beforeAll(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'greenline-key-'));
  server = createLocalServer({ loadHandler: fakes.loadHandler, authorizer: createJwtAuthorizer({ key }) });
  base = `http://127.0.0.1:${await server.listen(0)}`;
});
afterAll(async () => {
  await server.close();
  await rm(tempRoot, { recursive: true, force: true });
});
afterEach(() => setNow(null));

const getCase = (headers: Record<string, string> = {}) => fetch(`${base}/v1/cases/C1`, { headers });

describe('official routes', () => {
  it('pass the verified claims to the function as principalFromEvent reads them', async () => {
    // Prepare
    const { token } = await issueToken({ ...handler2, email: 'h2@greenline.local', displayName: '赵六' }, key);

    // Act
    const response = await getCase({ authorization: `Bearer ${token}` });

    // Assess
    expect(response.status).toBe(200);
    const event = fakes.invocations.at(-1)?.event as AuthorizedEvent;
    expect(principalFromEvent(event)).toEqual({
      username: 'handler2',
      roles: ['handler', 'lead'],
      unitId: 'district-east',
    });
    expect(event.requestContext.authorizer?.jwt).toMatchObject({
      claims: {
        'cognito:username': 'handler2',
        'cognito:groups': ['handler', 'lead'],
        'custom:unit': 'district-east',
        token_use: 'id',
        iss: localIssuer,
        email: 'h2@greenline.local',
        exp: expect.stringMatching(/^\d+$/),
      },
      scopes: null,
    });
  });

  it.each([
    ['no Authorization header', async () => ({})],
    [
      'an expired token',
      async () => ({
        authorization: `Bearer ${(await issueToken(handler2, key, { issuedAt: new Date(Date.now() - 13 * 3600_000) })).token}`,
      }),
    ],
    [
      'a token signed with another key',
      async () => ({ authorization: `Bearer ${(await issueToken(handler2, randomBytes(32))).token}` }),
    ],
    [
      'a token of another issuer',
      async () => ({
        authorization: `Bearer ${(await issueToken(handler2, key, { issuer: 'https://evil.example' })).token}`,
      }),
    ],
    [
      'a token for another audience',
      async () => ({ authorization: `Bearer ${(await issueToken(handler2, key, { audience: 'other-app' })).token}` }),
    ],
    ['a malformed token', async () => ({ authorization: 'Bearer not.a.jwt' })],
  ])('refuse %s with 401 problem+json, without invoking the function', async (_, headers) => {
    // Prepare
    const before = fakes.invocations.length;

    // Act
    const response = await getCase(await headers());

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 401, type: expect.stringContaining('unauthenticated') });
    expect(Object.keys(problem)).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
    expect(fakes.invocations.length).toBe(before);
  });

  it('check expiry against real time, not the settable clock', async () => {
    // Prepare
    const { token } = await issueToken(handler2, key);
    const expired = await issueToken(handler2, key, { issuedAt: new Date(Date.now() - 13 * 3600_000) });

    // Act
    setNow(new Date(Date.now() + 30 * 24 * 3600_000));
    const moved = await getCase({ authorization: `Bearer ${token}` });
    setNow(new Date(Date.now() - 24 * 3600_000));
    const back = await getCase({ authorization: `Bearer ${expired.token}` });

    // Assess
    expect(moved.status).toBe(200);
    expect(back.status).toBe(401);
  });

  it("pass on the claims a test's caller gets from authorizerContext(tokenClaims(user)), and the token's own", async () => {
    // Prepare
    const user = { ...handler2, email: 'h2@greenline.local', displayName: '赵六' };
    const { token } = await issueToken(user, key);

    // Act
    const verdict = await createJwtAuthorizer({ key }).authorize(`Bearer ${token}`);
    const built = authorizerContext(tokenClaims(user));

    // Assess
    if (!verdict.authorized) throw new Error(verdict.reason);
    expect(verdict.context).toMatchObject(built);
    expect(Object.keys(verdict.context.jwt.claims)).toEqual(
      expect.arrayContaining([...Object.keys(built.jwt.claims), 'sub', 'iss', 'aud', 'exp', 'iat', 'auth_time']),
    );
  });

  it('accept a token without the Bearer prefix, as API Gateway does', async () => {
    const { token } = await issueToken(handler2, key);
    expect((await getCase({ authorization: token })).status).toBe(200);
  });
});

describe('signing key', () => {
  it('is made on first start and kept in the data folder', async () => {
    // Prepare
    const dataDir = join(tempRoot, randomUUID());

    // Act
    const first = await loadSigningKey(dataDir);
    const second = await loadSigningKey(dataDir);

    // Assess
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(first.length).toBe(32);
    expect((await stat(join(dataDir, 'local-issuer-key.json'))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(dataDir, 'local-issuer-key.json'), 'utf8'))).toMatchObject({ alg: 'HS256' });
  });

  it('tokens made with it pass the authorizer', async () => {
    const dataDir = join(tempRoot, randomUUID());
    const signingKey = await loadSigningKey(dataDir);
    const { token } = await issueToken(handler2, signingKey);
    const verdict = await createJwtAuthorizer({ key: await loadSigningKey(dataDir) }).authorize(`Bearer ${token}`);
    expect(verdict.authorized).toBe(true);
  });
});
