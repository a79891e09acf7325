import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseList, MyWork } from '#cases/services/list-cases.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { usccs } from '../../enterprises/support/enterprises.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let listCases: unknown;
let getMyWork: unknown;
let api: ReturnType<typeof apiClient>;
const ids: Record<string, string> = {};
const firm = usccs.chemicals;
const otherFirm = usccs.plastics;

const list = (query: Record<string, string>, principal: Principal) =>
  invoke(
    listCases,
    apiEvent({
      method: 'GET',
      path: '/v1/cases',
      routeKey: 'GET /v1/cases',
      principal,
      query,
    }),
  );

const listOf = async (query: Record<string, string>, principal: Principal) => {
  const response = await list(query, principal);
  expect(response.statusCode, response.body).toBe(200);
  return bodyOf<CaseList>(response);
};

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  ({ handler: listCases } = await import('../../../functions/cases/list-cases.ts'));
  ({ handler: getMyWork } = await import('../../../functions/cases/get-my-work.ts'));
  api = apiClient();

  ids.noise = (await api.submit(aComplaint({ receivedAt: '2026-11-01T09:00:00+08:00' }))).id;
  ids.water = (
    await api.submit(aComplaint({ category: 'water', channel: 'web', receivedAt: '2026-11-10T09:00:00+08:00' }))
  ).id;
  ids.air = (
    await api.submit(
      aComplaint({
        category: 'air',
        receivedAt: '2026-11-20T09:00:00+08:00',
        source: { name: '示例化工', uscc: firm },
      }),
    )
  ).id;
  await api.act(ids.noise, 'accept', demo.dispatcher);
  await api.act(ids.noise, 'assign', demo.dispatcher, demoAssignmentInput);
});
afterAll(() => aws.stop());

describe('GET /v1/cases', () => {
  it('lists the cases of the caller’s unit, newest first', async () => {
    const page = await listOf({}, demo.dispatcher);
    expect(page.items.map((item) => item.id)).toEqual([ids.air, ids.water, ids.noise]);
    expect(page.nextCursor).toBeUndefined();
  });

  it('filters by state, category, channel and received period', async () => {
    expect((await listOf({ state: 'assigned' }, demo.dispatcher)).items.map((item) => item.id)).toEqual([ids.noise]);
    expect((await listOf({ category: 'water' }, demo.dispatcher)).items.map((item) => item.id)).toEqual([ids.water]);
    expect((await listOf({ channel: 'web' }, demo.dispatcher)).items.map((item) => item.id)).toEqual([ids.water]);
    const period = await listOf({ receivedFrom: '2026-11-05', receivedTo: '2026-11-10' }, demo.dispatcher);
    expect(period.items.map((item) => item.id)).toEqual([ids.water]);
  });

  it('pages with a cursor', async () => {
    const first = await listOf({ limit: '2' }, demo.dispatcher);
    const second = await listOf({ limit: '2', cursor: first.nextCursor ?? '' }, demo.dispatcher);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([ids.air, ids.water, ids.noise]);
  });

  it('shows a department the cases assigned to it, and a branch lead the cases of its departments', async () => {
    expect((await listOf({}, demo.handler)).items.map((item) => item.id)).toEqual([ids.noise]);
    expect((await listOf({}, demo.lead)).items.map((item) => item.id)).toEqual([ids.noise]);
    expect((await listOf({}, demo.handler2)).items).toEqual([]);
    expect((await listOf({ unit: 'east' }, demo.supervisor)).items.map((item) => item.id)).toEqual([ids.noise]);
  });

  it('lists a responsible person’s cases by assignee', async () => {
    expect((await listOf({ assignee: 'handler' }, demo.supervisor)).items.map((item) => item.id)).toEqual([ids.noise]);
  });

  it('refuses a unit outside the caller’s scope and names bad parameters', async () => {
    expect((await list({ unit: 'city' }, demo.lead)).statusCode).toBe(403);
    const bad = await list({ state: 'lost', limit: '500', cursor: 'garbage' }, demo.dispatcher);
    expect(bad.statusCode).toBe(400);
    expect(
      bodyOf<{ errors: { path: string }[] }>(bad)
        .errors.map((error) => error.path)
        .sort(),
    ).toEqual(['limit', 'state']);
    expect((await list({ cursor: 'garbage' }, demo.dispatcher)).statusCode).toBe(400);
  });

  it('refuses a tampered cursor (a valid key of another partition, or outside the period) with 400 naming cursor', async () => {
    const first = await listOf({ limit: '1' }, demo.dispatcher);
    const key = JSON.parse(Buffer.from(first.nextCursor ?? '', 'base64url').toString('utf8'));
    const tampered = (changes: Record<string, unknown>) =>
      Buffer.from(JSON.stringify({ ...key, ...changes })).toString('base64url');

    const otherPartition = await list({ cursor: tampered({ gsi1pk: 'SCOPE#east' }) }, demo.dispatcher);
    const outsidePeriod = await list(
      {
        receivedFrom: '2026-11-05',
        receivedTo: '2026-11-10',
        cursor: tampered({ gsi1sk: '2030-01-01T00:00:00.000Z#X' }),
      },
      demo.dispatcher,
    );
    const extraKey = await list({ cursor: tampered({ gsi2pk: 'OPEN' }) }, demo.dispatcher);

    for (const response of [otherPartition, outsidePeriod, extraKey]) {
      expect(response.statusCode).toBe(400);
      expect(bodyOf<{ errors: { path: string }[] }>(response).errors.map((error) => error.path)).toEqual(['cursor']);
    }
  });
});

describe('GET /v1/my-work', () => {
  const myWork = async (principal: Principal) =>
    bodyOf<MyWork>(
      await invoke(getMyWork, apiEvent({ method: 'GET', path: '/v1/my-work', routeKey: 'GET /v1/my-work', principal })),
    );

  it('gives a handler the cases to sign for and to finish, a lead the cases they answer for', async () => {
    const handlerWork = await myWork(demo.handler);
    expect(handlerWork.awaitingSignature.map((item) => item.id)).toEqual([ids.noise]);
    expect(handlerWork.responsible.map((item) => item.id)).toEqual([ids.noise]);
    expect((await myWork(demo.lead)).lead.map((item) => item.id)).toEqual([ids.noise]);
  });

  it('gives the petition office the complaints waiting for a decision', async () => {
    const work = await myWork(demo.dispatcher);
    expect(work.awaitingDispatch.map((item) => item.id)).toEqual([ids.air, ids.water]);
  });
});

describe('GET /v1/cases?uscc=', () => {
  it('lists the cases about an enterprise, only those the unit may see, and names a bad code', async () => {
    // Last in the file: the case assigned here would show in the lists above.
    ids.firmNoise = (
      await api.submit(
        aComplaint({ receivedAt: '2026-11-21T09:00:00+08:00', source: { name: '示例化工', uscc: firm } }),
      )
    ).id;
    await api.act(ids.firmNoise, 'accept', demo.dispatcher);
    await api.act(ids.firmNoise, 'assign', demo.dispatcher, demoAssignmentInput);
    const about = await listOf({ uscc: firm.toLowerCase() }, demo.dispatcher);
    expect(about.items.map((item) => item.id)).toEqual([ids.firmNoise, ids.air]);
    expect(about.items.map((item) => item.uscc)).toEqual([firm, firm]);
    expect((await listOf({ uscc: firm }, demo.handler)).items.map((item) => item.id)).toEqual([ids.firmNoise]);
    expect((await listOf({ uscc: firm }, demo.handler2)).items).toEqual([]);
    expect((await listOf({ uscc: otherFirm }, demo.supervisor)).items).toEqual([]);
    const first = await listOf({ uscc: firm, limit: '1' }, demo.supervisor);
    const second = await listOf({ uscc: firm, limit: '1', cursor: first.nextCursor ?? '' }, demo.supervisor);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([ids.firmNoise, ids.air]);
    const bad = await list({ uscc: `${firm.slice(0, 17)}0` }, demo.dispatcher);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('uscc');
  });
});
