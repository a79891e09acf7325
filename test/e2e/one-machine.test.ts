/**
 * `npm start` end to end: the real runtime in a child process, on free ports and a data folder of its own, with the
 * real functions — sign in, submit a complaint, read it back, receive the notice email, stop with Ctrl-C (no JVM
 * left behind), start again and find the complaint still there.
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localTableName } from '#platform/catalog/definitions.ts';
import { storedEmails } from '../support/local-aws.ts';
import {
  cleanUp,
  freePorts,
  interrupt,
  javaOnPort,
  localToken,
  type Running,
  type RuntimePorts,
  root,
  startRuntime,
} from '../support/runtime.ts';

const itemCount = async (): Promise<number> => {
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${ports.dynamodb}`, region: 'ap-east-1' });
  let count = 0;
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: localTableName('main'), Select: 'COUNT', ExclusiveStartKey }),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey;
  } while (ExclusiveStartKey);
  client.destroy();
  return count;
};

const aComplaint = () => ({
  channel: 'hotline',
  complainant: { name: '张三', phone: '13800138000' },
  place: { address: '解放路 1 号', town: '城关镇' },
  category: 'noise',
  description: '夜间施工噪声扰民，已持续一周。',
});

let dataDir: string;
let ports: RuntimePorts;
let api: string;
let running: Running | undefined;

const start = () => startRuntime(dataDir, ports);
const tokenFor = (username: string) => localToken(api, username);

beforeAll(async () => {
  dataDir = await mkdtemp(join(root, '.tmp', 'one-machine-'));
  ports = await freePorts();
  api = `http://127.0.0.1:${ports.api}`;
});

afterAll(() => cleanUp(running, ports, dataDir));

let caseId: string;
let token: string;

it('starts and says where everything is', { timeout: 90_000 }, async () => {
  // Act
  running = await start();

  // Assess
  const output = running.output();
  expect(output).toContain(`http://127.0.0.1:${ports.dynamodb}`);
  expect(output).toContain(`http://127.0.0.1:${ports.sqs}`);
  expect(output).toContain(`http://127.0.0.1:${ports.ses}`);
  expect(output).toContain(`Greenline is ready — ${api} (Ctrl-C to stop)`);
  console.info(`npm start ready in ${(running.startupMs / 1000).toFixed(1)} s (first start, with seeding)`);
});

it('registers a complaint for a signed-in operator and shows it back', { timeout: 30_000 }, async () => {
  // Prepare
  token = await tokenFor('operator');

  // Act
  const created = await fetch(`${api}/v1/complaints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(aComplaint()),
  });
  const body = (await created.json()) as { id: string; number: string; state: string };
  caseId = body.id;
  const read = await fetch(`${api}/v1/cases/${encodeURIComponent(caseId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });

  // Assess
  expect(created.status).toBe(201);
  expect(body).toMatchObject({ id: expect.any(String), number: expect.any(String), state: 'registered' });
  expect(read.status).toBe(200);
  expect(await read.json()).toMatchObject({ id: caseId, number: body.number });
});

it('delivers the notice email through the queue worker', { timeout: 30_000 }, async () => {
  await expect
    .poll(async () => (await storedEmails(`http://127.0.0.1:${ports.ses}`)).length, { timeout: 15_000, interval: 250 })
    .toBeGreaterThan(0);
});

it('refuses a malformed complaint with 400 naming the fields, and stores nothing', { timeout: 30_000 }, async () => {
  // Prepare: let the worker finish, so only this request could change the table.
  await expect
    .poll(
      async () => {
        const { queues } = (await (await fetch(`${api}/local/queues`)).json()) as {
          queues: { visible: number; inFlight: number }[];
        };
        return queues.every((queue) => queue.visible + queue.inFlight === 0);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  const before = await itemCount();

  // Act
  const response = await fetch(`${api}/v1/complaints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...aComplaint(), channel: 'carrier-pigeon', description: 'short', place: {} }),
  });

  // Assess
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as { errors: { path: string }[] };
  const paths = problem.errors.map((error) => error.path);
  expect(paths).toEqual(expect.arrayContaining(['channel', 'description']));
  expect(paths.some((path) => path.startsWith('place'))).toBe(true);
  expect(await itemCount()).toBe(before);
});

it('refuses a request without a token with 401', async () => {
  const response = await fetch(`${api}/v1/cases/${encodeURIComponent(caseId)}`);
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
});

it('stops cleanly on Ctrl-C, leaving no DynamoDB Local behind', { timeout: 30_000 }, async () => {
  // Act
  const startedAt = performance.now();
  const code = await interrupt(running as Running);

  // Assess
  expect(code).toBe(0);
  expect(javaOnPort(ports.dynamodb)).toBe('');
  console.info(`npm start stopped in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
});

it('keeps the data (and the signing key) across a restart', { timeout: 90_000 }, async () => {
  // Act
  running = await start();
  const read = await fetch(`${api}/v1/cases/${encodeURIComponent(caseId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const code = await interrupt(running);

  // Assess
  expect(running.output()).not.toContain('Demo organisation seeded');
  expect(read.status).toBe(200);
  expect(await read.json()).toMatchObject({ id: caseId, state: 'registered' });
  expect(code).toBe(0);
  expect(javaOnPort(ports.dynamodb)).toBe('');
  console.info(`npm start ready in ${(running.startupMs / 1000).toFixed(1)} s (restart)`);
});
