/**
 * Case-ledger export jobs (domain/export-job.ts) in the main table.
 *
 * Keys (access pattern → key): a job by its id, for its worker and its requester → pk `EXPORT#<id>`, sk `EXPORT`. No
 * index: jobs are read by id only. Each item expires (TTL `expiresAt`, seconds) with its file, the bucket's `exportExpiryDays` after it
 * was asked for.
 *
 * Who may write what is in the conditions: a worker takes a job only while it is queued, or running with its lease
 * run out (its worker died); it finishes or fails the job only while it still holds it (same attempt). A redelivered
 * message for a finished job therefore changes nothing.
 *
 * Errors: a condition that fails becomes ExportJobNotFoundError, ExportJobBusyError or ExportJobLostError; anything
 * else the SDK throws a PersistenceError naming the operation, with the SDK's error as `cause`.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { buckets } from '#platform/catalog/buckets.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';
import type { ExportJob } from '#statistics/domain/export-job.ts';
import { ExportJobBusyError, ExportJobLostError, ExportJobNotFoundError } from './errors.ts';

export const exportJobKey = (id: string) => ({ pk: `EXPORT#${id}`, sk: 'EXPORT' });

/** What a conditional write answers when its condition does not hold. */
const conditionFailed = Symbol('condition failed');

/** Runs a conditional write: its condition failing is {@link conditionFailed}, any other SDK error a PersistenceError. */
const conditionally = <T>(operation: string, call: () => Promise<T>): Promise<T | typeof conditionFailed> =>
  translateSdkErrors(operation, async () => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return conditionFailed;
      throw error;
    }
  });

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

/** What taking a job came to: taken (this attempt's), or already finished by an earlier delivery. */
export type Claim =
  | { readonly taken: true; readonly job: ExportJob }
  | { readonly taken: false; readonly job: ExportJob };

/**
 * Takes job `id` for a worker until `leaseUntil`: when it is queued, or running with its lease run out. A job already
 * done or failed is not taken (`taken: false`); one that another worker holds is an ExportJobBusyError.
 */
export const claimExportJob = async (id: string, at: Date, leaseUntil: Date): Promise<Claim> => {
  const result = await conditionally(`领取导出任务 ${id}`, () =>
    dynamo().send(
      new UpdateCommand({
        TableName: tableName('main'),
        Key: exportJobKey(id),
        UpdateExpression:
          'SET #status = :running, startedAt = :at, leaseUntil = :leaseUntil, attempt = attempt + :one REMOVE #error',
        ConditionExpression:
          'attribute_exists(pk) AND (#status = :queued OR (#status = :running AND leaseUntil < :at))',
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: {
          ':running': 'running',
          ':queued': 'queued',
          ':at': at.toISOString(),
          ':leaseUntil': leaseUntil.toISOString(),
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    ),
  );
  if (result !== conditionFailed) return { taken: true, job: toJob(result.Attributes ?? {}) };
  const job = await getExportJob(id);
  if (job.status === 'done' || job.status === 'failed') return { taken: false, job };
  throw new ExportJobBusyError(`导出任务 ${id} 正由另一次执行处理（至 ${job.leaseUntil ?? '未知'}）`);
};

/** Who may end a job: the worker of `attempt` while it runs, or whoever queued it while no worker has taken it. */
type Holder = { readonly attempt: number } | 'queued';

/** Ends the job (SET `set`) if `holder` still holds it; an ExportJobLostError when not. */
const finish = async (
  id: string,
  holder: Holder,
  operation: string,
  set: string,
  values: Record<string, unknown>,
): Promise<void> => {
  const held =
    holder === 'queued'
      ? { condition: '#status = :queued', values: { ':queued': 'queued' } }
      : {
          condition: '#status = :running AND attempt = :attempt',
          values: { ':running': 'running', ':attempt': holder.attempt },
        };
  const result = await conditionally(operation, () =>
    dynamo().send(
      new UpdateCommand({
        TableName: tableName('main'),
        Key: exportJobKey(id),
        UpdateExpression: `SET ${set} REMOVE leaseUntil`,
        ConditionExpression: held.condition,
        // Only the names the expressions use: DynamoDB refuses an unused one.
        ExpressionAttributeNames: Object.fromEntries(
          Object.entries({ '#status': 'status', '#rows': 'rows', '#error': 'error' }).filter(
            ([name]) => name === '#status' || set.includes(name),
          ),
        ),
        ExpressionAttributeValues: { ...held.values, ...values },
      }),
    ),
  );
  if (result === conditionFailed) throw new ExportJobLostError(`导出任务 ${id} 已不由本次执行处理`);
};

/** Marks the job done with its file and row count (by the worker of `attempt`). */
export const completeExportJob = (
  id: string,
  attempt: number,
  result: { readonly rows: number; readonly objectKey: string; readonly finishedAt: Date },
): Promise<void> =>
  finish(id, { attempt }, `完成导出任务 ${id}`, '#status = :done, #rows = :rows, objectKey = :key, finishedAt = :at', {
    ':done': 'done',
    ':rows': result.rows,
    ':key': result.objectKey,
    ':at': result.finishedAt.toISOString(),
  });

/**
 * Marks the job failed, with why in words for its requester: by the worker of `attempt`, or (`'queued'`) by the
 * request that could not queue it.
 */
export const failExportJob = (id: string, holder: Holder, reason: string, finishedAt: Date): Promise<void> =>
  finish(id, holder, `记录导出任务 ${id} 失败`, '#status = :failed, #error = :error, finishedAt = :at', {
    ':failed': 'failed',
    ':error': reason,
    ':at': finishedAt.toISOString(),
  });
