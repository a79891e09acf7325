import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { CaseTransfers } from '#cases/services/list-transfers.ts';
import type { RecordedTransfer } from '#cases/services/record-transfer.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import type { Stats } from '#statistics/services/read-stats.ts';
import { reconcileThroughApi } from '../../statistics/support/reconciliation.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
let transfers: unknown;
let readStats: (query: unknown, principal: Principal) => Promise<Stats>;

const { dispatcher, handler, supervisor } = demo;

const toPolice = {
  date: '2026-05-29',
  body: 'police',
  bodyName: '市公安局城东分局',
  reference: '示环移〔2026〕3号',
  summary: '企业涉嫌非法倾倒危险废物，移送公安机关',
};

const call = (
  method: 'GET' | 'POST' | 'PATCH',
  pathParameters: { id: string; transferId?: string },
  principal: Principal,
  body?: unknown,
) => {
  const path = `/v1/cases/${pathParameters.id}/transfers${pathParameters.transferId ? `/${pathParameters.transferId}` : ''}`;
  const template = `/v1/cases/{id}/transfers${pathParameters.transferId ? '/{transferId}' : ''}`;
  return invoke(
    transfers,
    apiEvent({ method, path, routeKey: `${method} ${template}`, pathParameters, principal, body }),
  );
};

/** A complaint accepted and assigned to 城东分局 监察大队: it counts for the city, the branch and the department. */
const anAssignedComplaint = async (): Promise<CaseView> => {
  const created = await api.submit(aComplaint());
  await api.act(created.id, 'accept', dispatcher);
  return bodyOf<CaseView>(await api.act(created.id, 'assign', dispatcher, demoAssignmentInput));
};

beforeAll(async () => {
  // A fixed day whose deadlines all fall in a year the holiday library has.
  setNow(beijing('2026-06-01T10:00'));
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: transfers } = await import('../../../functions/cases/case-transfers.ts'));
  ({ readStats } = await import('#statistics/services/read-stats.ts'));
});
afterAll(async () => {
  setNow(null);
  await aws.stop();
});

describe('/v1/cases/{id}/transfers', () => {
  it('records a transfer to the police on the case, in its history and in the statistics of every unit holding it', async () => {
    // Arrange
    const assigned = await anAssignedComplaint();

    // Act
    const response = await call('POST', { id: assigned.id }, dispatcher, { ...toPolice, version: assigned.version });

    // Assess
    expect(response.statusCode, response.body).toBe(201);
    const recorded = bodyOf<RecordedTransfer>(response);
    expect(recorded).toMatchObject({ caseId: assigned.id, version: assigned.version + 1 });
    expect(recorded.transfer).toMatchObject({ ...toPolice, by: 'dispatcher' });
    expect(recorded.transfer.at).toMatch(/^2026-06-01T02:0/);

    const found = bodyOf<CaseView>(await api.read(assigned.id, dispatcher));
    expect(found.state).toBe('assigned');
    expect(found.transfers).toEqual([recorded.transfer]);
    expect(found.history?.at(-1)).toMatchObject({
      action: 'transfer',
      actor: 'dispatcher',
      fromState: 'assigned',
      toState: 'assigned',
    });

    const listed = await call('GET', { id: assigned.id }, handler);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(bodyOf<CaseTransfers>(listed)).toMatchObject({
      caseId: assigned.id,
      number: assigned.number,
      version: recorded.version,
      transfers: [recorded.transfer],
    });

    for (const unit of ['city', 'east', 'east-enforcement']) {
      const stats = await readStats({ unit, from: '2026-06-01', to: '2026-06-01' }, supervisor);
      expect(stats.counts.transfers, unit).toBe(1);
      expect(stats.transfersByBody, unit).toEqual({ discipline: 0, police: 1, judiciary: 0 });
    }
    expect((await reconcileThroughApi({}, supervisor)).differences).toEqual([]);
  });

  it('records the outcome later, and answers 404 for a transfer the case does not have', async () => {
    const assigned = await anAssignedComplaint();
    const { transfer, version } = bodyOf<RecordedTransfer>(
      await call('POST', { id: assigned.id }, dispatcher, toPolice),
    );

    const patched = await call('PATCH', { id: assigned.id, transferId: transfer.id }, supervisor, {
      version,
      outcome: '公安机关已立案侦查',
    });
    const unknown = await call('PATCH', { id: assigned.id, transferId: '01KZZZZZZZZZZZZZZZZZZZZZZZ' }, supervisor, {
      outcome: '已立案',
    });

    expect(patched.statusCode, patched.body).toBe(200);
    expect(bodyOf<RecordedTransfer>(patched).transfer).toMatchObject({
      id: transfer.id,
      outcome: '公安机关已立案侦查',
      outcomeAt: '2026-06-01',
    });
    const found = bodyOf<CaseView>(await api.read(assigned.id, dispatcher));
    expect(found.history?.at(-1)).toMatchObject({ action: 'transfer-outcome', actor: 'supervisor' });
    expect(unknown.statusCode, unknown.body).toBe(404);
    expect((await reconcileThroughApi({}, supervisor)).differences).toEqual([]);
  });

  it('refuses a wrong role or a case outside the caller’s units (403)', async () => {
    const assigned = await anAssignedComplaint();
    const otherBranch = aPrincipal('lead', 'east-solid-waste', 'lead2');

    const byHandler = await call('POST', { id: assigned.id }, handler, toPolice);
    const outOfScope = await call('POST', { id: assigned.id }, otherBranch, toPolice);
    const readOutOfScope = await call('GET', { id: assigned.id }, demo.handler2);

    expect(byHandler.statusCode, byHandler.body).toBe(403);
    expect(outOfScope.statusCode, outOfScope.body).toBe(403);
    expect(readOutOfScope.statusCode, readOutOfScope.body).toBe(403);
    expect(bodyOf<CaseView>(await api.read(assigned.id)).transfers).toBeUndefined();
  });

  it('refuses a bad body naming each field (400), and a day after today', async () => {
    const assigned = await anAssignedComplaint();

    const bad = await call('POST', { id: assigned.id }, dispatcher, { date: '2026/05/29', body: 'court', summary: '' });
    const future = await call('POST', { id: assigned.id }, dispatcher, { ...toPolice, date: '2026-06-02' });

    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    const problems = bodyOf<{ errors: { path: string }[] }>(bad).errors.map((problem) => problem.path);
    expect(problems.sort()).toEqual(['body', 'date', 'summary']);
    expect(future.statusCode, future.body).toBe(400);
    expect(bodyOf<{ errors: { path: string }[] }>(future).errors.map((problem) => problem.path)).toEqual(['date']);
  });

  it('refuses a stale version (409) and leaves the case as it was', async () => {
    const assigned = await anAssignedComplaint();

    const stale = await call('POST', { id: assigned.id }, dispatcher, { ...toPolice, version: assigned.version - 1 });

    expect(stale.statusCode, stale.body).toBe(409);
    const found = bodyOf<CaseView>(await api.read(assigned.id));
    expect(found.version).toBe(assigned.version);
    expect(found.transfers).toBeUndefined();
  });
});
