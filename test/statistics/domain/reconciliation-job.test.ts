import { describe, expect, it } from 'vitest';
import {
  differencesBudgetBytes,
  differencesShown,
  type ReconciliationJob,
  reconciliationAsSeen,
  reconciliationView,
  shownDifferences,
} from '#statistics/domain/reconciliation-job.ts';

const aDifference = (index: number, unitId = 'city') => ({
  unitId,
  bucket: 'R#2026-03-02',
  name: `closed${index}`,
  stored: 3,
  recounted: 0,
});

const job: ReconciliationJob = {
  id: '01KREC0NC1AAAAAAAAAAAAAAAA',
  status: 'done',
  requestedAt: '2026-12-07T01:30:00.000Z',
  requestedBy: { username: 'admin', roles: ['admin'], unitId: 'city' },
  repair: true,
  reason: '导入旧数据后核对',
  startedAt: '2026-12-07T01:30:01.000Z',
  finishedAt: '2026-12-07T01:31:00.000Z',
  result: {
    casesRead: 3,
    countersRead: 5,
    itemsScanned: 8,
    capacityUnits: 1.5,
    differences: [aDifference(1)],
    differencesFound: 1,
    enforcement: { recordsRead: 0, countersRead: 0, differences: [], differencesFound: 0 },
    repaired: true,
  },
  attempt: 1,
};

describe('the differences a reconciliation keeps and shows', () => {
  it('are the first thousand', () => {
    const all = Array.from({ length: 2_500 }, (_, index) => aDifference(index));

    expect(shownDifferences(all)).toEqual(all.slice(0, differencesShown));
    expect(shownDifferences(all.slice(0, 10))).toEqual(all.slice(0, 10));
  });

  it('stay within the bytes’ budget however long the unit ids, so the job fits in one item', () => {
    const all = Array.from({ length: 1_000 }, (_, index) => aDifference(index, 'u'.repeat(400)));

    const shown = shownDifferences(all);

    expect(shown.length).toBeGreaterThan(100);
    expect(shown.length).toBeLessThan(all.length);
    expect(JSON.stringify(shown).length).toBeLessThanOrEqual(differencesBudgetBytes);
    expect(shown).toEqual(all.slice(0, shown.length));
  });
});

describe('a reconciliation as the API shows it', () => {
  it('is the job and, once done, what it found — no worker detail', () => {
    expect(reconciliationView(job)).toEqual({
      id: job.id,
      status: 'done',
      requestedAt: job.requestedAt,
      requestedBy: 'admin',
      repair: true,
      reason: '导入旧数据后核对',
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      ...job.result,
    });
  });

  it('is failed, and says why, when no worker finished it within a day', () => {
    const running = { ...job, status: 'running' as const, result: undefined };

    expect(reconciliationAsSeen(running, new Date('2026-12-08T01:00:00.000Z')).status).toBe('running');
    expect(reconciliationAsSeen(running, new Date('2026-12-08T01:31:00.000Z'))).toMatchObject({
      status: 'failed',
      error: '核对未能在一天内完成，请重新申请',
    });
    expect(reconciliationAsSeen(job, new Date('2027-01-01T00:00:00.000Z')).status).toBe('done');
  });
});
