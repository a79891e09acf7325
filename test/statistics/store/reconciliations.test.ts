/**
 * Reconciliation jobs in DynamoDB Local: the conditions they share with the export jobs (store/jobs.ts) — taken by
 * one worker at a time, finished only by the one holding them, never taken again once finished — and their keys: one
 * item per reconciliation, read by id and listed newest first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconciliationJob, ReconciliationResult } from '#statistics/domain/reconciliation-job.ts';
import type * as Store from '#statistics/store/reconciliations.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let store: typeof Store;
let counter = 0;

beforeAll(async () => {
  aws = await startLocalAws();
  store = await import('#statistics/store/reconciliations.ts');
});
afterAll(() => aws.stop());

const nextId = () => {
  counter += 1;
  return `01KREC${String(counter).padStart(20, '0')}`;
};

const aJob = (overrides: Partial<ReconciliationJob> = {}): ReconciliationJob => ({
  id: nextId(),
  status: 'queued',
  requestedAt: '2026-12-07T01:00:00.000Z',
  requestedBy: { username: 'admin', roles: ['admin'], unitId: 'city' },
  repair: true,
  reason: '导入旧数据后核对',
  attempt: 0,
  ...overrides,
});

const aResult: ReconciliationResult = {
  casesRead: 3,
  countersRead: 5,
  itemsScanned: 8,
  capacityUnits: 1.5,
  differences: [{ unitId: 'city', bucket: 'R#2026-12-07', name: 'closed', stored: 2, recounted: 0 }],
  differencesFound: 1,
  enforcement: { recordsRead: 0, countersRead: 0, differences: [], differencesFound: 0 },
  repaired: true,
};

const at = (minutes: number) => new Date(Date.parse('2026-12-07T01:00:00.000Z') + minutes * 60_000);

describe('reconciliation jobs', () => {
  it('are stored once, read back as stored, and listed newest first', async () => {
    const older = aJob();
    const newer = aJob();

    await store.createReconciliation(older);
    await store.createReconciliation(newer);

    expect(await store.getReconciliation(older.id)).toEqual(older);
    await expect(store.createReconciliation(older)).rejects.toThrow(/保存统计核对任务失败/);
    await expect(store.getReconciliation('01KREC0N0THERE000000000000')).rejects.toMatchObject({
      name: 'ReconciliationNotFoundError',
    });
    expect((await store.listReconciliations(2)).map((job) => job.id)).toEqual([newer.id, older.id]);
  });

  it('are taken by one worker at a time, and by another only once its lease ran out', async () => {
    const job = aJob();
    await store.createReconciliation(job);

    const first = await store.claimReconciliation(job.id, at(1), at(16));
    await expect(store.claimReconciliation(job.id, at(2), at(17))).rejects.toMatchObject({
      name: 'ReconciliationBusyError',
    });
    const takeover = await store.claimReconciliation(job.id, at(20), at(35));

    expect(first).toMatchObject({ taken: true, job: { status: 'running', attempt: 1 } });
    expect(takeover).toMatchObject({ taken: true, job: { status: 'running', attempt: 2 } });
    // The first worker comes back: the job is no longer its to finish.
    await expect(store.completeReconciliation(job.id, 1, aResult, at(21))).rejects.toMatchObject({
      name: 'ReconciliationLostError',
    });
  });

  it('once done, keep what was found and are never taken again', async () => {
    const job = aJob();
    await store.createReconciliation(job);
    await store.claimReconciliation(job.id, at(1), at(16));

    await store.completeReconciliation(job.id, 1, aResult, at(2));
    const again = await store.claimReconciliation(job.id, at(30), at(45));

    expect(again).toMatchObject({ taken: false, job: { status: 'done', result: aResult } });
    const stored = await store.getReconciliation(job.id);
    expect(stored).toMatchObject({ finishedAt: at(2).toISOString(), result: aResult, reason: job.reason });
    expect(stored.leaseUntil).toBeUndefined();
  });

  it('fail by their worker, or while queued by the request that could not queue them', async () => {
    const running = aJob();
    const queued = aJob();
    await store.createReconciliation(running);
    await store.createReconciliation(queued);
    await store.claimReconciliation(running.id, at(1), at(16));

    await store.failReconciliation(running.id, { attempt: 1 }, '核对失败，请稍后重新申请', at(3));
    await store.failReconciliation(queued.id, 'queued', '核对任务未能排队，请重新申请', at(0));

    expect(await store.getReconciliation(running.id)).toMatchObject({
      status: 'failed',
      error: '核对失败，请稍后重新申请',
    });
    expect(await store.claimReconciliation(queued.id, at(5), at(20))).toMatchObject({ taken: false });
    await expect(store.failReconciliation(queued.id, 'queued', 'again', at(6))).rejects.toMatchObject({
      name: 'ReconciliationLostError',
    });
  });
});
