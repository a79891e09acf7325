/**
 * Issue 14 acceptance, on the real stores: the enforcement figures (执法统计) join the bureau's statistics. Inspections
 * and enforcement cases of two branches are stored as the inspections capability stores them (each with its counters
 * in one transaction); then GET /v1/stats's `enforcement` for the city, a branch and a department equals a count made
 * here from the records, the progress report says them in a bureau's words, and the reconciliation recounts them —
 * finding nothing, then a tampered counter and a record stored without its counters, which it repairs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnforcementCase } from '#inspections/domain/enforcement.ts';
import type { Inspection } from '#inspections/domain/inspection.ts';
import { saveEnforcementCase } from '#inspections/store/records.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aPrincipal } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { anEnforcementCase, anInspection, storeEnforcementRecords, tamperWithFigures } from '../support/enforcement.ts';
import { reconcileThroughApi, requestReconciliation } from '../support/reconciliation.ts';

let aws: LocalAws;

const east = ['city', 'east', 'east-enforcement'];
const west = ['city', 'west', 'west-enforcement'];
const march = { from: '2026-03-01', to: '2026-03-31' } as const;
const admin = aPrincipal('admin', 'city');

const inspections: Inspection[] = [
  anInspection(east, '2026-03-05', 2),
  anInspection(east, '2026-03-20', 3),
  anInspection(west, '2026-03-20', 2),
  anInspection(east, '2026-04-02', 2),
];
const cases: EnforcementCase[] = [
  anEnforcementCase(east, '2026-03-06', {
    decision: { on: '2026-03-10', decisionNumber: '示环罚〔2026〕9号', penaltyFen: 60_050_000, summary: '罚款' },
    transfer: { on: '2026-03-12', to: 'police', reason: '涉嫌污染环境罪' },
    closing: { on: '2026-03-25', result: '已执行' },
  }),
  anEnforcementCase(west, '2026-03-15'),
  // Filed in February, decided and transferred in March: the steps count on their own days.
  anEnforcementCase(east, '2026-02-20', {
    decision: { on: '2026-03-02', decisionNumber: '示环罚〔2026〕3号', penaltyFen: 500_000, summary: '罚款' },
    transfer: { on: '2026-03-03', to: 'judiciary', reason: '涉嫌犯罪' },
  }),
  anEnforcementCase(west, '2026-03-28', {
    decision: { on: '2026-04-03', decisionNumber: '示环罚〔2026〕15号', penaltyFen: 100_000, summary: '罚款' },
  }),
];

/** The figures counted here, one record at a time: each event on its own day, for the units whose path holds it. */
const countedFrom = (unit: string, from: string, to: string) => {
  const within = (day: string | undefined) => day !== undefined && day >= from && day <= to;
  const held = <T extends { unitPath: readonly string[] }>(records: readonly T[]) =>
    records.filter((record) => record.unitPath.includes(unit));
  const mine = held(cases);
  const visits = held(inspections).filter((inspection) => within(inspection.date));
  const decided = mine.filter((item) => within(item.decision?.on));
  const penaltyFen = decided.reduce((sum, item) => sum + (item.decision?.penaltyFen ?? 0), 0);
  return {
    inspections: visits.length,
    inspectorVisits: visits.reduce((sum, inspection) => sum + inspection.inspectors.length, 0),
    casesFiled: mine.filter((item) => within(item.filedOn)).length,
    decisions: decided.length,
    penaltyFen,
    penaltyYuan: penaltyFen / 100,
    transfers: mine.filter((item) => within(item.transfer?.on)).length,
    casesClosed: mine.filter((item) => within(item.closing?.on)).length,
  };
};

/** The days with anything counted for the unit: one counter item each. */
const daysWithEvents = (unit: string, from: string, to: string) =>
  new Set(
    [
      ...inspections.filter((inspection) => inspection.unitPath.includes(unit)).map((inspection) => inspection.date),
      ...cases
        .filter((item) => item.unitPath.includes(unit))
        .flatMap((item) => [item.filedOn, item.decision?.on, item.transfer?.on, item.closing?.on]),
    ].filter((day) => day !== undefined && day >= from && day <= to),
  ).size;

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  await storeEnforcementRecords(inspections, cases);
}, 60_000);
afterEach(() => setNow(null));
afterAll(() => aws.stop());

const statsOf = async (unit: string, principal: Principal) => {
  const { readStats } = await import('#statistics/services/read-stats.ts');
  return readStats({ unit, ...march }, principal);
};

describe('the enforcement figures in the statistics (issue 14)', () => {
  it('equal a count from the records for the city, a branch and a department, read from the counters', async () => {
    const { readFigureDays } = await import('#inspections/services/figures-for-period.ts');
    for (const [unit, principal] of [
      ['city', demo.supervisor],
      ['east', demo.lead],
      ['west-enforcement', aPrincipal('lead', 'west-enforcement')],
    ] as const) {
      // Act
      const stats = await statsOf(unit, principal);

      // Assess
      expect(stats.enforcement, unit).toMatchObject(countedFrom(unit, march.from, march.to));
      expect(stats.enforcement.basis).toContain('按发生日');
      // The read: one query of the unit's day items in the period, one item per day with anything counted.
      const days = await readFigureDays(unit, march.from, march.to);
      expect(days.length, unit).toBe(daysWithEvents(unit, march.from, march.to));
    }
    const city = await statsOf('city', demo.supervisor);
    expect(city.enforcement).toMatchObject({
      inspections: 3,
      inspectorVisits: 7,
      casesFiled: 3,
      decisions: 2,
      penaltyFen: 60_550_000,
      penaltyYuan: 605_500,
      transfers: 2,
      casesClosed: 1,
    });
  });

  it('are worded in the progress report as a bureau reports them', async () => {
    const { readProgressReport } = await import('#statistics/services/read-progress-report.ts');

    const file = await readProgressReport({ unit: 'city', ...march, format: 'md' }, demo.supervisor);
    const quiet = await readProgressReport(
      { unit: 'city', from: '2026-01-01', to: '2026-01-31', format: 'md' },
      demo.supervisor,
    );

    expect(file.body.toString('utf8')).toContain(
      '期间内，示范市生态环境局开展执法检查3次，出动执法人员7人次，立案查处3件，下达处罚决定书2件，罚款60.55万元，' +
        '移送公安机关、司法机关2件，结案1件。',
    );
    expect(quiet.body.toString('utf8')).toContain('期间内，示范市生态环境局暂无执法检查和立案查处记录。');
  });

  it('are recounted from the records by the reconciliation: nothing differs', async () => {
    const checked = await reconcileThroughApi({}, demo.supervisor);

    expect(checked.enforcement).toMatchObject({ recordsRead: 8, differences: [] });
    // Each record's days, for the three units on its path (city, branch, department).
    expect(checked.enforcement.countersRead).toBeGreaterThanOrEqual(3 * 10);
  });

  it('a tampered counter and a record stored without its counters show as differences, repaired with a reason', async () => {
    await tamperWithFigures('east', '2026-03-05', { inspections: 2 });
    await tamperWithFigures('west-management', '2026-03-30', { casesClosed: 1 });
    // Imported without its counters.
    await saveEnforcementCase(undefined, anEnforcementCase(['city', 'city-office'], '2026-03-29'), []);
    expect((await statsOf('east', demo.lead)).enforcement.inspections).toBe(4);

    const found = await reconcileThroughApi({}, demo.supervisor);

    expect(found.enforcement.differences).toEqual([
      { unitId: 'city', day: '2026-03-29', name: 'casesFiled', stored: 0, recounted: 1 },
      { unitId: 'city-office', day: '2026-03-29', name: 'casesFiled', stored: 0, recounted: 1 },
      { unitId: 'east', day: '2026-03-05', name: 'inspections', stored: 3, recounted: 1 },
      { unitId: 'west-management', day: '2026-03-30', name: 'casesClosed', stored: 1, recounted: 0 },
    ]);
    expect(found.differences).toEqual([]);
    expect(found.enforcement.differencesFound).toBe(4);
    expect((await requestReconciliation({ repair: true, reason: '测试修正' }, demo.supervisor)).statusCode).toBe(403);

    const repaired = await reconcileThroughApi({ repair: true, reason: '导入旧案件后核对' }, admin);

    expect(repaired.repaired).toBe(true);
    expect((await reconcileThroughApi({}, demo.supervisor)).enforcement.differences).toEqual([]);
    expect((await statsOf('east', demo.lead)).enforcement).toMatchObject(countedFrom('east', march.from, march.to));
    expect((await statsOf('city', demo.supervisor)).enforcement.casesFiled).toBe(4);
  });
});
