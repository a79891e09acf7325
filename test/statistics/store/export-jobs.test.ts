/**
 * Export jobs in DynamoDB Local: who may take, finish or fail a job is in the conditions of the writes, which this
 * file exercises one by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob } from '#statistics/domain/export-job.ts';
import type * as Store from '#statistics/store/export-jobs.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let store: typeof Store;
let counter = 0;

beforeAll(async () => {
  aws = await startLocalAws();
  store = await import('#statistics/store/export-jobs.ts');
});
afterAll(() => aws.stop());

const nextId = () => {
  counter += 1;
  return `01KJ0B${String(counter).padStart(20, '0')}`;
};

const aJob = (overrides: Partial<ExportJob> = {}): ExportJob => ({
  id: nextId(),
  format: 'csv',
  filter: { unit: 'city' },
  requestedBy: { username: 'supervisor', roles: ['supervisor'], unitId: 'city' },
  fileName: '督办事项台账.csv',
  status: 'queued',
  createdAt: '2026-12-07T01:00:00.000Z',
  attempt: 0,
  ...overrides,
});

const at = (minutes: number) => new Date(Date.parse('2026-12-07T01:00:00.000Z') + minutes * 60_000);

describe('export jobs', () => {
  it('are stored once and read back as stored', async () => {
    const job = aJob();

    await store.createExportJob(job);

    expect(await store.getExportJob(job.id)).toEqual(job);
    await expect(store.createExportJob(job)).rejects.toThrow(/保存导出任务失败/);
    await expect(store.getExportJob('01KJ0BN0THERE0000000000000')).rejects.toMatchObject({
      name: 'ExportJobNotFoundError',
    });
  });

  it('are taken by one worker at a time, and by another only once its lease ran out', async () => {
    const job = aJob();
    await store.createExportJob(job);

    const first = await store.claimExportJob(job.id, at(1), at(16));
    const meanwhile = store.claimExportJob(job.id, at(2), at(17));
    await expect(meanwhile).rejects.toMatchObject({ name: 'ExportJobBusyError' });
    const takeover = await store.claimExportJob(job.id, at(20), at(35));

    expect(first).toMatchObject({ taken: true, job: { status: 'running', attempt: 1 } });
    expect(takeover).toMatchObject({ taken: true, job: { status: 'running', attempt: 2 } });
    // The first worker comes back: the job is no longer its to finish.
    await expect(
      store.completeExportJob(job.id, 1, { rows: 3, objectKey: 'exports/x.csv', finishedAt: at(21) }),
    ).rejects.toMatchObject({ name: 'ExportJobLostError' });
  });

  it('once done, are never taken again: a redelivery finds them finished', async () => {
    const job = aJob();
    await store.createExportJob(job);
    await store.claimExportJob(job.id, at(1), at(16));

    await store.completeExportJob(job.id, 1, { rows: 42, objectKey: 'exports/y.csv', finishedAt: at(2) });
    const again = await store.claimExportJob(job.id, at(30), at(45));

    expect(again).toMatchObject({ taken: false, job: { status: 'done', rows: 42, objectKey: 'exports/y.csv' } });
    expect((await store.getExportJob(job.id)).leaseUntil).toBeUndefined();
  });

  it('fail by their worker, or while queued by the request that could not queue them', async () => {
    const running = aJob();
    const queued = aJob();
    await store.createExportJob(running);
    await store.createExportJob(queued);
    await store.claimExportJob(running.id, at(1), at(16));

    await store.failExportJob(running.id, { attempt: 1 }, '导出失败，请稍后重新申请', at(3));
    await store.failExportJob(queued.id, 'queued', '导出任务未能排队，请重新申请', at(0));

    expect(await store.getExportJob(running.id)).toMatchObject({ status: 'failed', error: '导出失败，请稍后重新申请' });
    expect(await store.getExportJob(queued.id)).toMatchObject({ status: 'failed', finishedAt: at(0).toISOString() });
    expect(await store.claimExportJob(queued.id, at(5), at(20))).toMatchObject({ taken: false });
    await expect(store.failExportJob(queued.id, 'queued', 'again', at(6))).rejects.toMatchObject({
      name: 'ExportJobLostError',
    });
  });
});
