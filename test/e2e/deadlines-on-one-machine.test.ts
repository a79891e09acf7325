/**
 * Issue 4's acceptance on the one-machine runtime: move the local clock and watch a case turn yellow, then red, with
 * the schedules catching up (01:00 check, then 08:30 notices) and every email sent once.
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storedEmails } from '../support/local-aws.ts';
import {
  cleanUp,
  freePorts,
  interrupt,
  localToken,
  type Running,
  type RuntimePorts,
  root,
  startRuntime,
} from '../support/runtime.ts';

let dataDir: string;
let ports: RuntimePorts;
let api: string;
let running: Running | undefined;
let caseId: string;
let caseNumber: string;

const post = async (path: string, body: unknown, username?: string) =>
  fetch(`${api}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(username ? { authorization: `Bearer ${await localToken(api, username)}` } : {}),
    },
    body: JSON.stringify(body),
  });

const subjects = async () =>
  (await storedEmails(`http://127.0.0.1:${ports.ses}`))
    .filter((email) => email.subject.includes(caseNumber) || email.subject.includes('督办日报'))
    .map((email) => `${email.destination.to[0]} ${email.subject.replace(/ · .*$/, '')}`);

const caseColour = async () => {
  const response = await fetch(`${api}/v1/cases/${caseId}`, {
    headers: { authorization: `Bearer ${await localToken(api, 'dispatcher')}` },
  });
  return ((await response.json()) as { colour: string }).colour;
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(root, '.tmp', 'deadlines-'));
  ports = await freePorts();
  api = `http://127.0.0.1:${ports.api}`;
  running = await startRuntime(dataDir, ports);
}, 90_000);

afterAll(async () => {
  if (running && running.child.exitCode === null) await interrupt(running);
  await cleanUp(running, ports, dataDir);
}, 30_000);

it('gives a letter complaint accepted on 1 September 2026 its 60-day deadline, blue', { timeout: 30_000 }, async () => {
  expect((await post('/local/clock', { now: '2026-09-01T10:00:00+08:00' })).status).toBe(200);
  const created = (await (
    await post(
      '/v1/complaints',
      {
        channel: 'letter',
        complainant: { name: '李女士', email: 'li@example.cn' },
        place: { address: '城东街道建设路 18 号', town: '城东街道' },
        category: 'noise',
        description: '工厂夜间持续作业，噪声很大，影响居民休息。',
      },
      'operator',
    )
  ).json()) as { id: string; number: string };
  caseId = created.id;
  caseNumber = created.number;
  expect((await post(`/v1/cases/${caseId}/actions/accept`, {}, 'dispatcher')).status).toBe(200);
  const assign = { departmentId: 'east-enforcement', responsibleUsername: 'handler', leadUsername: 'lead' };
  expect((await post(`/v1/cases/${caseId}/actions/assign`, assign, 'dispatcher')).status).toBe(200);
  expect((await post(`/v1/cases/${caseId}/actions/sign`, {}, 'handler')).status).toBe(200);
  expect(await caseColour()).toBe('blue');
});

it('turns yellow when the clock moves into the warning window, and warns on the next working morning, once', {
  timeout: 30_000,
}, async () => {
  await post('/local/clock', { now: '2026-10-26T09:00:00+08:00' });

  await expect.poll(caseColour, { timeout: 10_000 }).toBe('yellow');
  await expect
    .poll(async () => (await subjects()).filter((line) => line.includes('临期预警')), { timeout: 10_000 })
    .toEqual([`handler@greenline.local 【临期预警】${caseNumber} 噪声污染`]);
  const sweep = (await (await post('/local/sweep', {})).json()) as { result: { read: number } };
  expect(sweep.result.read).toBe(0);
});

it('turns red after the deadline, with the reminder to the responsible person and the lead', {
  timeout: 30_000,
}, async () => {
  await post('/local/clock', { now: '2026-11-03T09:00:00+08:00' });

  await expect.poll(caseColour, { timeout: 10_000 }).toBe('red');
  await expect
    .poll(async () => (await subjects()).filter((line) => /超期】|催办/.test(line)).sort(), { timeout: 10_000 })
    .toEqual(
      [
        `handler@greenline.local 【超期】${caseNumber} 噪声污染`,
        `lead@greenline.local 【超期】${caseNumber} 噪声污染`,
        `handler@greenline.local 【催办】${caseNumber} 噪声污染`,
        `lead@greenline.local 【催办】${caseNumber} 噪声污染`,
      ].sort(),
    );
  await post('/local/schedules/morning-notices', {});
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect((await subjects()).filter((line) => /超期】|催办|临期预警/.test(line))).toHaveLength(5);
});
