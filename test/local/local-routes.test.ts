import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getUser, putUser } from '#directory/store/directory.ts';
import { queues, type ScheduledInvocation, schedules } from '#platform/catalog/catalog.ts';
import { isClockMoved, now, setNow } from '#platform/clock.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { createJwtAuthorizer } from '../../local/authorizer.ts';
import { freePort } from '../../local/free-port.ts';
import { createLocalRoutes, parseInstant } from '../../local/local-routes.ts';
import { queueCounts } from '../../local/queue-poller.ts';
import { createScheduler } from '../../local/scheduler.ts';
import { createLocalServer, type LocalServer } from '../../local/server.ts';
import { type LocalAws, startLocalAws } from '../support/local-aws.ts';
import { fakeHandlers } from './fake-handlers.ts';

const key = randomBytes(32);
const fakes = fakeHandlers({
  'get-case': async () => ({ statusCode: 200, body: '{}' }),
  'sweep-deadlines': async (event) => ({ dueCases: 0, at: (event as ScheduledInvocation).scheduledTime }),
  'relay-outbox': async () => {
    throw new Error('outbox table missing');
  },
});
const signInUser = {
  username: 'dispatcher',
  displayName: '陈静（信访办）',
  roles: ['dispatcher' as const],
  unitId: 'city-petition',
  unitName: '信访办',
};

let aws: LocalAws;
let sqs: SQSClient;
let server: LocalServer;
let base: string;
let clockSet = 0;
let tempRoot: string;

beforeAll(async () => {
  aws = await startLocalAws();
  tempRoot = await mkdtemp(join(tmpdir(), 'greenline-routes-'));
  sqs = new SQSClient({ endpoint: aws.sqsEndpoint, region: 'ap-east-1' });
  await putUser({
    username: 'operator',
    displayName: '王丽（接线员）',
    email: 'operator@greenline.local',
    roles: ['operator'],
    unitId: 'city-petition',
  });
  const scheduler = createScheduler({
    loadHandler: fakes.loadHandler,
    statePath: join(tempRoot, 'schedules.json'),
  });
  server = createLocalServer({
    loadHandler: fakes.loadHandler,
    authorizer: createJwtAuthorizer({ key }),
    localRoutes: createLocalRoutes({
      signingKey: key,
      findUser: getUser,
      users: [signInUser],
      scheduler,
      queueCounts: () => queueCounts(sqs, Object.values(aws.provisioned.queues)),
      onClockSet: () => {
        clockSet += 1;
      },
    }),
  });
  base = `http://127.0.0.1:${await server.listen(0)}`;
});
afterAll(async () => {
  await server.close();
  sqs.destroy();
  await aws.stop();
  await rm(tempRoot, { recursive: true, force: true });
});
afterEach(() => setNow(null));

const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /local/token', () => {
  it('signs a token for a directory user that the authorizer accepts, with the claims the functions read', async () => {
    // Act
    const response = await post('/local/token', { username: 'operator' });
    const body = (await response.json()) as { token: string; expiresAt: string };
    const caseResponse = await fetch(`${base}/v1/cases/C1`, { headers: { authorization: `Bearer ${body.token}` } });

    // Assess
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      token: expect.any(String),
      tokenType: 'Bearer',
      username: 'operator',
      roles: ['operator'],
      unitId: 'city-petition',
    });
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect(caseResponse.status).toBe(200);
    const event = fakes.invocations.at(-1)?.event as Parameters<typeof principalFromEvent>[0];
    expect(principalFromEvent(event)).toEqual({ username: 'operator', roles: ['operator'], unitId: 'city-petition' });
  });

  it('answers 404 for an unknown user and 400 naming the field for a bad body', async () => {
    // Act
    const unknown = await post('/local/token', { username: 'nobody' });
    const missing = await post('/local/token', { user: 'operator' });
    const notJson = await post('/local/token', 'username=operator');

    // Assess
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ status: 400, errors: [{ path: 'username' }] });
    expect(notJson.status).toBe(400);
  });
});

describe('/local/clock', () => {
  it('moves the clock the handlers read, and returns to real time with null', async () => {
    // Act
    const moved = await post('/local/clock', { now: '2026-05-01T09:00:00+08:00' });
    const movedBody = await moved.json();
    const read = (await (await fetch(`${base}/local/clock`)).json()) as { moved: boolean };
    const nowSeen = now();
    const back = (await (await post('/local/clock', { now: null })).json()) as { moved: boolean };

    // Assess
    expect(moved.status).toBe(200);
    expect(movedBody).toEqual({ now: expect.stringMatching(/^2026-05-01T01:00:0/), moved: true });
    expect(read.moved).toBe(true);
    expect(Math.abs(nowSeen.getTime() - Date.parse('2026-05-01T01:00:00Z'))).toBeLessThan(5_000);
    expect(back.moved).toBe(false);
    expect(isClockMoved()).toBe(false);
    expect(clockSet).toBe(2);
  });

  it('refuses an invalid instant with 400 naming `now`', async () => {
    for (const value of ['yesterday', '2026-02-30T00:00:00Z', '2026-03-01T09:00:00', 42]) {
      const response = await post('/local/clock', { now: value });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ path: 'now' }] });
    }
    expect((await post('/local/clock', {})).status).toBe(400);
    expect(isClockMoved()).toBe(false);
  });

  it('parses ISO 8601 instants with an offset', () => {
    expect(parseInstant('2026-03-01T09:00:00+08:00')).toEqual(new Date('2026-03-01T01:00:00Z'));
    expect(parseInstant('2026-03-01T01:00Z')).toEqual(new Date('2026-03-01T01:00:00Z'));
    expect(parseInstant('2026-03-01 01:00Z')).toBeNull();
  });
});

describe('schedules on demand', () => {
  it('fire the nightly check with POST /local/sweep at the clock time and return its result', async () => {
    // Prepare
    setNow(new Date('2026-06-01T00:00:00Z'));

    // Act
    const response = await post('/local/sweep', {});
    const body = (await response.json()) as { scheduledTime: string };

    // Assess
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ schedule: 'nightly-check', result: { dueCases: 0 } });
    expect(body.scheduledTime).toMatch(/^2026-06-01T00:00:0/);
    expect(fakes.invocations.at(-1)).toMatchObject({
      name: 'sweep-deadlines',
      event: { schedule: 'nightly-check', scheduledTime: body.scheduledTime },
    });
  });

  it('fire a named schedule, answer 404 for an unknown one and 500 problem+json when the target fails', async () => {
    // Act
    const relay = await post('/local/schedules/outbox-relay', {});
    const unknown = await post('/local/schedules/hourly-tea', {});
    const list = (await (await fetch(`${base}/local/schedules`)).json()) as { schedules: { name: string }[] };

    // Assess
    expect(relay.status).toBe(500);
    expect(await relay.json()).toMatchObject({ status: 500, detail: expect.stringContaining('outbox table missing') });
    expect(unknown.status).toBe(404);
    expect(list.schedules.map((schedule) => schedule.name)).toEqual(Object.keys(schedules));
  });
});

describe('other local routes', () => {
  it('report queue depths', async () => {
    const body = (await (await fetch(`${base}/local/queues`)).json()) as { queues: unknown[] };
    expect(body.queues).toEqual(
      Object.keys(queues).map((queue) =>
        expect.objectContaining({
          queue,
          visible: 0,
          inFlight: 0,
          deadLetter: expect.objectContaining({ visible: 0 }),
        }),
      ),
    );
  });

  it('answer 404 for an unknown local path and 405 for a wrong method', async () => {
    expect((await fetch(`${base}/local/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/local/schedules/`, { method: 'POST' })).status).toBe(404);
    const wrong = await fetch(`${base}/local/sweep`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    const clock = await fetch(`${base}/local/clock`, { method: 'DELETE' });
    expect(clock.status).toBe(405);
    expect(clock.headers.get('allow')).toBe('GET, POST');
    expect(clock.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('offer the sign-in page its users', async () => {
    // Act
    const response = await fetch(`${base}/local/users`);

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ users: [signInUser] });
  });

  it('list themselves at /local and /local/, with example bodies', async () => {
    // Act
    const listing = await fetch(`${base}/local`);
    const withSlash = await fetch(`${base}/local/`);

    // Assess
    expect(listing.status).toBe(200);
    const body = await listing.json();
    expect(body).toEqual({
      routes: [
        'GET /local/users',
        'POST /local/token {"username": "operator"}',
        'GET /local/clock',
        'POST /local/clock {"now": "2026-03-01T09:00:00+08:00" | null}',
        'GET /local/schedules',
        'POST /local/schedules/{name}',
        'POST /local/sweep',
        'GET /local/queues',
      ],
    });
    expect(await withSlash.json()).toEqual(body);
  });

  it('take a percent-encoded schedule name, decoded', async () => {
    // Act
    const response = await post(`/local/schedules/${encodeURIComponent('outbox relay')}`, {});

    // Assess
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ detail: expect.stringContaining('outbox relay') });
  });
});

describe('npm run sweep', () => {
  const runSweep = (port: number) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['local/sweep.ts'], { env: { ...process.env, PORT: String(port) } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('prints the nightly check result of a running server', async () => {
    const { code, stdout } = await runSweep(Number(new URL(base).port));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ schedule: 'nightly-check', result: { dueCases: 0 } });
  });

  it('says to start Greenline first when nothing listens, and exits 1', async () => {
    const { code, stderr } = await runSweep(await freePort());
    expect(code).toBe(1);
    expect(stderr).toContain('start Greenline first with npm start');
  });
});
