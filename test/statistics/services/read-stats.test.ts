/**
 * Issue 11 acceptance, on the real stores: a scripted mix of complaints walked through the API, then every figure of
 * the statistics for the city, a branch and a department equals a count made here from the cases themselves, and
 * reconciliation finds no difference — until a counter is tampered with, which it reports and repairs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import { setNow } from '#platform/clock.ts';
import type { Stats } from '#statistics/services/read-stats.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { reconcileThroughApi } from '../support/reconciliation.ts';

let aws: LocalAws;

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
});
afterEach(() => setNow(null));
afterAll(() => aws.stop());

const api = apiClient();
const at = (instant: string) => setNow(new Date(instant));
const ok = async (response: Promise<{ statusCode?: number; body?: string }>) => {
  const result = await response;
  expect(result.statusCode, result.body).toBe(200);
};
const result = { result: '已现场核查并责令整改。', publicReply: '经核查，已责令企业整改。' };

/** Walks a new complaint through `steps`; returns its id. */
const complaint = async (steps: readonly ((id: string) => Promise<void>)[], body = aComplaint()) => {
  const created = await api.submit(body);
  for (const step of steps) await step(created.id);
  return created.id;
};
const accept = (id: string) => ok(api.act(id, 'accept', demo.dispatcher));
const assign = (id: string) => ok(api.act(id, 'assign', demo.dispatcher, demoAssignmentInput));
const sign = (id: string) => ok(api.act(id, 'sign', demo.handler));
const submit = (id: string) => ok(api.act(id, 'submit-result', demo.handler, result));
const approve = (id: string) => ok(api.act(id, 'approve-result', demo.lead));
const extend = async (id: string) => {
  await ok(api.act(id, 'request-extension', demo.handler, { days: 5, reason: '需委托第三方监测' }));
  await ok(api.act(id, 'approve-extension', demo.lead));
};

const readCase = async (id: string) => bodyOf<CaseView>(await api.read(id));

/** The figures counted here, one case at a time, from the cases as the API shows them. */
const countedFrom = (cases: readonly CaseView[]) => {
  const closed = cases.filter((item) => item.state === 'closed');
  const open = cases.filter((item) => !['closed', 'rejected', 'merged'].includes(item.state));
  const days = closed.flatMap((item) => (item.workingDaysToClose === undefined ? [] : [item.workingDaysToClose]));
  return {
    received: cases.length,
    accepted: cases.filter((item) => !['registered', 'rejected', 'merged'].includes(item.state)).length,
    rejected: cases.filter((item) => item.state === 'rejected').length,
    merged: cases.filter((item) => item.state === 'merged').length,
    closed: closed.length,
    closedOnTime: closed.filter((item) => !item.late).length,
    closedLate: closed.filter((item) => item.late).length,
    open: open.length,
    openOverdue: open.filter((item) => item.colour === 'red').length,
    extensions: cases.reduce((sum, item) => sum + item.extensions.filter((e) => e.status === 'approved').length, 0),
    returns: cases.reduce((sum, item) => sum + item.returnCount, 0),
    reviews: cases.reduce((sum, item) => sum + (item.reviewCount ?? 0), 0),
    reopened: cases.reduce((sum, item) => sum + (item.reopenCount ?? 0), 0),
    transfers: cases.reduce((sum, item) => sum + (item.transfers?.length ?? 0), 0),
    days,
  };
};

const holderPath = (item: CaseView) => item.assignment?.departmentPath ?? item.unitPath;

describe('the statistics of a unit and period (issue 11 acceptance)', () => {
  it('equal a count from the cases for the city, a branch and a department, and reconciliation finds nothing to repair', async () => {
    const { readStats } = await import('#statistics/services/read-stats.ts');
    const { runNightlyCheck } = await import('#deadlines/services/nightly-check.ts');

    // Arrange: complaints received in March 2026 (Beijing), walked to every outcome
    at('2026-03-02T02:00:00.000Z');
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) ids.push(await complaint([accept, assign, sign, submit, approve]));
    ids.push(await complaint([accept, assign, sign, extend, submit, approve], aComplaint({ channel: 'letter' })));
    ids.push(await complaint([(id) => ok(api.act(id, 'reject', demo.dispatcher, { reason: '不属于环保部门职责' }))]));
    const master = await complaint([accept, assign], aComplaint({ category: 'water' }));
    ids.push(master);
    ids.push(await complaint([(id) => ok(api.act(id, 'merge', demo.dispatcher, { masterCaseId: master }))]));
    ids.push(
      await complaint([
        accept,
        assign,
        (id) => ok(api.act(id, 'return', demo.handler, { reasonCode: 'not-our-remit', reason: '属城西辖区' })),
      ]),
    );
    const late = await complaint([accept, assign, sign], aComplaint({ channel: 'web', category: 'air' }));
    ids.push(late, await complaint([]));
    // Two months on: the open ones are past their deadlines; one more is closed, late.
    const later = new Date('2026-05-06T01:00:00.000Z');
    at(later.toISOString());
    await runNightlyCheck(later);
    await submit(late);
    await approve(late);
    ids.push(await complaint([accept]));

    const cases = await Promise.all(ids.map(readCase));
    const closed = cases.filter((item) => item.state === 'closed');
    expect(closed).toHaveLength(5);
    expect(closed.map((item) => item.workingDaysToClose)).not.toContain(undefined);
    expect(Math.max(...closed.map((item) => item.workingDaysToClose ?? 0))).toBeGreaterThan(40);
    expect(cases.some((item) => item.colour === 'red')).toBe(true);

    for (const [unit, principal] of [
      ['city', demo.supervisor],
      ['east', demo.lead],
      ['east-enforcement', aPrincipal('lead', 'east-enforcement')],
    ] as const) {
      // Act
      const stats: Stats = await readStats({ unit, from: '2026-03-01', to: '2026-03-31' }, principal);

      // Assess: each count, and each rate's parts
      const expected = countedFrom(
        cases.filter((item) => holderPath(item).includes(unit) && item.receivedAt < '2026-04'),
      );
      const { days, ...counts } = expected;
      expect(stats.counts, unit).toEqual(counts);
      expect(stats.closureRate).toMatchObject({ numerator: counts.closed, denominator: counts.accepted });
      expect(stats.onTimeRate).toMatchObject({
        numerator: counts.closedOnTime,
        denominator: counts.closed + counts.openOverdue,
      });
      expect(stats.daysToClose.counted).toBe(days.length);
      if (days.length > 0) {
        expect(stats.daysToClose.average).toBeCloseTo(days.reduce((a, b) => a + b, 0) / days.length, 1);
      }
      expect(stats.itemsRead).toBeLessThanOrEqual(40);
    }

    const city = await readStats(
      { unit: 'city', from: '2026-03-01', to: '2026-03-31', groupBy: 'department' },
      demo.supervisor,
    );
    for (const name of ['received', 'closed', 'open', 'openOverdue'] as const) {
      expect(
        city.rows.reduce((sum, row) => sum + row.counts[name], 0),
        name,
      ).toBe(city.counts[name]);
    }
    const byChannel = await readStats(
      { unit: 'city', from: '2026-03-01', to: '2026-03-31', groupBy: 'channel' },
      demo.supervisor,
    );
    expect(byChannel.rows.map((row) => [row.key, row.label, row.counts.received])).toEqual([
      ['hotline', '热线电话', 8],
      ['letter', '来信', 1],
      ['web', '网上投诉', 1],
    ]);

    const checked = await reconcileThroughApi({}, demo.supervisor);
    expect(checked.differences).toEqual([]);
    expect(checked.casesRead).toBe(ids.length);
  });

  it('reports a counter that differs from the cases, and repairs it when an administrator says why', async () => {
    const { adjustCounters } = await import('#cases/services/records.ts');
    at('2026-03-02T02:00:00.000Z');
    await api.submit(aComplaint());
    await adjustCounters([{ unitId: 'city', bucket: 'R#2026-03-02', name: 'closed', value: 3 }]);

    const found = await reconcileThroughApi({}, demo.supervisor);
    expect(found.differences).toContainEqual({
      unitId: 'city',
      bucket: 'R#2026-03-02',
      name: 'closed',
      stored: expect.any(Number),
      recounted: expect.any(Number),
    });
    const difference = found.differences.find((item) => item.name === 'closed' && item.unitId === 'city');
    expect((difference?.stored ?? 0) - (difference?.recounted ?? 0)).toBe(3);
    expect(found.differencesFound).toBe(found.differences.length);
    expect(found.repaired).toBe(false);

    const repaired = await reconcileThroughApi(
      { repair: true, reason: '导入旧数据后核对' },
      aPrincipal('admin', 'city'),
    );
    expect(repaired).toMatchObject({ repaired: true, repair: true, reason: '导入旧数据后核对', requestedBy: 'admin' });
    expect((await reconcileThroughApi({}, demo.supervisor)).differences).toEqual([]);
  });

  it('is refused to a handler, and to a branch lead asking for the city', async () => {
    const { readStats } = await import('#statistics/services/read-stats.ts');
    await expect(readStats({}, demo.handler)).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(readStats({ unit: 'city' }, demo.lead)).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(readStats({ from: '2026-05-01', to: '2026-04-01' }, demo.supervisor)).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });
});
