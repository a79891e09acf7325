/**
 * Case-ledger export jobs (domain/export-job.ts) in the main table.
 *
 * Keys (access pattern → key): a job by its id, for its worker and its requester → pk `EXPORT#<id>`, sk `EXPORT`. No
 * index: jobs are read by id only. Each item expires (TTL `expiresAt`, seconds) with its file, the bucket's `exportExpiryDays` after it
 * was asked for.
 *
 * Who may write what is in the conditions (jobs.ts, shared with the reconciliations): a worker takes a job only while
 * it is queued, or running with its lease run out (its worker died); it finishes or fails the job only while it still
 * holds it (same attempt). A redelivered message for a finished job therefore changes nothing.
 *
 * Errors: a condition that fails becomes ExportJobNotFoundError, ExportJobBusyError or ExportJobLostError; anything
 * else the SDK throws a PersistenceError naming the operation, with the SDK's error as `cause`.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { buckets } from '#platform/catalog/buckets.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';
import type { ExportJob } from '#statistics/domain/export-job.ts';
import { ExportJobBusyError, ExportJobLostError, ExportJobNotFoundError } from './errors.ts';
import { type Claim, claimJob, failJob, finishJob, type Holder, type JobKind } from './jobs.ts';

export const exportJobKey = (id: string) => ({ pk: `EXPORT#${id}`, sk: 'EXPORT' });

const toJob = (item: Record<string, unknown>): ExportJob => {
  const { expiresAt: _expiresAt, ...job } = withoutKeys<ExportJob & { expiresAt?: number }>(item);
  return job;
};

/** Stores a new job (queued). */
export const createExportJob = async (job: ExportJob): Promise<void> => {
  const expiresAt = Math.floor(Date.parse(job.createdAt) / 1000) + buckets.attachments.exportExpiryDays * 86_400;
  await translateSdkErrors('保存导出任务', () =>
    dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: { ...exportJobKey(job.id), type: 'export-job', ...job, expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
};

/** @throws ExportJobNotFoundError when there is no such job (or it expired). */
export const getExportJob = async (id: string): Promise<ExportJob> => {
  const { Item } = await translateSdkErrors(`读取导出任务 ${id}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: exportJobKey(id), ConsistentRead: true })),
  );
  if (!Item) throw new ExportJobNotFoundError(`导出任务 ${id} 不存在或已过期`);
  return toJob(Item);
};

const exportJobs: JobKind<ExportJob> = {
  noun: '导出任务',
  key: exportJobKey,
  get: getExportJob,
  fromItem: toJob,
  busy: (message) => new ExportJobBusyError(message),
  lost: (message) => new ExportJobLostError(message),
};

/**
 * Takes job `id` for a worker until `leaseUntil`: when it is queued, or running with its lease run out. A job already
 * done or failed is not taken (`taken: false`); one that another worker holds is an ExportJobBusyError.
 */
export const claimExportJob = (id: string, at: Date, leaseUntil: Date): Promise<Claim<ExportJob>> =>
  claimJob(exportJobs, id, at, leaseUntil);

/** Marks the job done with its file and row count (by the worker of `attempt`). */
export const completeExportJob = (
  id: string,
  attempt: number,
  result: { readonly rows: number; readonly objectKey: string; readonly finishedAt: Date },
): Promise<void> =>
  finishJob(exportJobs, id, { attempt }, `完成导出任务 ${id}`, {
    set: '#status = :done, #rows = :rows, objectKey = :key, finishedAt = :at',
    names: { '#rows': 'rows' },
    values: { ':done': 'done', ':rows': result.rows, ':key': result.objectKey, ':at': result.finishedAt.toISOString() },
  });

/**
 * Marks the job failed, with why in words for its requester: by the worker of `attempt`, or (`'queued'`) by the
 * request that could not queue it.
 */
export const failExportJob = (id: string, holder: Holder, reason: string, finishedAt: Date): Promise<void> =>
  failJob(exportJobs, id, holder, reason, finishedAt);
