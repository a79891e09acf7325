import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NotFoundError } from '#platform/domain/errors.ts';
import type { AuthorizedEvent } from '#platform/http/auth.ts';
import type { RouteDefinition } from '#platform/http/routes.ts';
import { createJwtAuthorizer } from '../../local/authorizer.ts';
import { createLocalServer, type LocalServer } from '../../local/server.ts';
import { issueToken } from '../../local/tokens.ts';
import { fakeHandlers } from './fake-handlers.ts';

const key = randomBytes(32);
/** Routes as in `shared/platform/http/routes.ts`, fixed here so the test does not change as the shared table grows. */
const table: RouteDefinition[] = [
  { method: 'GET', path: '/v1/health', function: 'health', auth: 'public', summary: '' },
  { method: 'POST', path: '/v1/complaints', function: 'submit-complaint', auth: 'official', summary: '' },
  { method: 'GET', path: '/v1/cases/{id}', function: 'get-case', auth: 'official', summary: '' },
];
const operator = { username: 'operator', roles: ['operator'] as const, unitId: 'city-petition' };
const fakes = fakeHandlers({
  health: async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' }),
  'submit-complaint': async (event) => ({
    statusCode: 201,
    headers: { 'content-type': 'application/json', location: '/v1/cases/C1' },
    cookies: ['seen=1'],
    body: JSON.stringify({ received: (event as AuthorizedEvent).body }),
  }),
  'get-case': async (event) => {
    const id = (event as AuthorizedEvent).pathParameters?.id;
    if (id === 'boom') throw new Error('database on fire: secret detail');
    if (id === 'lost') throw new NotFoundError('an error the middleware should have answered');
    if (id === 'bare') return { id, state: 'registered' };
    if (id === 'malformed') return { statusCode: 'nope' };
    return { statusCode: 200, body: JSON.stringify({ id }) };
  },
});
let server: LocalServer;
let base: string;
let token: string;

beforeAll(async () => {
  server = createLocalServer({
    loadHandler: fakes.loadHandler,
    authorizer: createJwtAuthorizer({ key }),
    routes: table,
  });
  base = `http://127.0.0.1:${await server.listen(0)}`;
  token = (await issueToken(operator, key)).token;
});
afterAll(() => server.close());

it('answers a public route with the handler of the route table, without an authorizer', async () => {
  // Act
  const response = await fetch(`${base}/v1/health`);

  // Assess
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
  expect(response.headers.get('apigw-requestid')).toBeTruthy();
  const { event, context } = fakes.invocations.at(-1) as {
    event: AuthorizedEvent;
    context: import('aws-lambda').Context;
  };
  expect(event.routeKey).toBe('GET /v1/health');
  expect(event.requestContext.authorizer).toBeUndefined();
  expect(context).toMatchObject({
    functionName: 'greenline-health',
    memoryLimitInMB: '256',
    functionVersion: '$LATEST',
  });
  expect(context.getRemainingTimeInMillis()).toBeGreaterThan(4_000);
  expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(5_000);
});

it('passes the body and maps a structured result: status, headers, cookies', async () => {
  // Act
  const response = await fetch(`${base}/v1/complaints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{"a":1}',
  });

  // Assess
  expect(response.status).toBe(201);
  expect(response.headers.get('location')).toBe('/v1/cases/C1');
  expect(response.headers.getSetCookie()).toEqual(['seen=1']);
  expect(await response.json()).toEqual({ received: '{"a":1}' });
});

it('gives a fresh request id to each request', async () => {
  await fetch(`${base}/v1/health`);
  await fetch(`${base}/v1/health`);
  const [a, b] = fakes.invocations.slice(-2).map(({ event }) => (event as AuthorizedEvent).requestContext.requestId);
  expect(a).not.toBe(b);
  expect(fakes.invocations.at(-1)?.context.awsRequestId).not.toBe(fakes.invocations.at(-2)?.context.awsRequestId);
});

it('turns a bare result into 200 JSON', async () => {
  const response = await fetch(`${base}/v1/cases/bare`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(await response.json()).toEqual({ id: 'bare', state: 'registered' });
});

it('answers 404 problem+json for an unknown path and 405 with Allow for a wrong method', async () => {
  // Act
  const missing = await fetch(`${base}/v1/nothing`);
  const wrongMethod = await fetch(`${base}/v1/complaints`);

  // Assess
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await missing.json()).toMatchObject({ status: 404, type: expect.stringContaining('not-found') });
  expect(wrongMethod.status).toBe(405);
  expect(wrongMethod.headers.get('allow')).toBe('POST');
  expect(await wrongMethod.json()).toMatchObject({
    status: 405,
    title: expect.any(String),
    detail: expect.any(String),
  });
});

it('answers any thrown error or a malformed result with a generic 500, never the error itself', async () => {
  // Act
  const thrown = await fetch(`${base}/v1/cases/boom`, { headers: { authorization: `Bearer ${token}` } });
  const malformed = await fetch(`${base}/v1/cases/malformed`, { headers: { authorization: `Bearer ${token}` } });
  const lost = await fetch(`${base}/v1/cases/lost`, { headers: { authorization: `Bearer ${token}` } });

  // Assess
  expect(thrown.status).toBe(500);
  expect(thrown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await thrown.text();
  expect(body).not.toContain('secret detail');
  expect(JSON.parse(body)).toMatchObject({ status: 500, correlationId: thrown.headers.get('apigw-requestid') });
  expect(malformed.status).toBe(500);
  expect(lost.status).toBe(500);
});

it('answers /local paths without local routes with 404', async () => {
  const response = await fetch(`${base}/local/clock`);
  expect(response.status).toBe(404);
});

it('answers a CORS preflight before any route or token, and lets browsers read the answers', async () => {
  // Act
  const preflight = await fetch(`${base}/v1/complaints`, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });
  const health = await fetch(`${base}/v1/health`, { headers: { origin: 'http://localhost:5173' } });

  // Assess
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  expect(health.headers.get('access-control-allow-origin')).toBe('*');
  expect(health.headers.get('access-control-expose-headers')).toContain('location');
});
