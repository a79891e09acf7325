/**
 * Reconciliations (domain/reconciliation-job.ts) in the main table: each one job, and the record of what it found and
 * whether (and why) it repaired — one item, kept (no TTL): who repaired the counters and why stays on record.
 *
 * Keys (access pattern → key): a reconciliation by its id, for its worker and GET /v1/admin/reconciliations/{id} →
 * pk `RECONCILIATION`, sk `JOB#<id>`; the reconciliations, newest first → the same pk, sk beginning `JOB#` (ids are
 * ULIDs: they sort by when they were asked for). No index. The records of the synchronous reconciliation before it
 * became a job (sk `<at>#<id>`) stay under the same pk and are not listed.
 *
 * Who may write what is in the conditions (jobs.ts, shared with the exports): a worker takes a reconciliation only
 * while it is queued, or running with its lease run out (its worker died); it finishes or fails it only while it still
 * holds it (same attempt). A redelivered message for a finished reconciliation therefore changes nothing.
 *
 * Errors: a condition that fails becomes ReconciliationNotFoundError, ReconciliationBusyError or
 * ReconciliationLostError; anything else the SDK throws a PersistenceError naming the operation, with the SDK's error
 * as `cause`.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';
import type { ReconciliationJob, ReconciliationResult } from '#statistics/domain/reconciliation-job.ts';
import { ReconciliationBusyError, ReconciliationLostError, ReconciliationNotFoundError } from './errors.ts';
import { type Claim, claimJob, failJob, finishJob, type Holder, type JobKind } from './jobs.ts';

const partition = 'RECONCILIATION';
const jobPrefix = 'JOB#';

export const reconciliationKey = (id: string) => ({ pk: partition, sk: `${jobPrefix}${id}` });

const toJob = (item: Record<string, unknown>): ReconciliationJob => withoutKeys<ReconciliationJob>(item);

/** Stores a new reconciliation (queued). */
export const createReconciliation = async (job: ReconciliationJob): Promise<void> => {
  await translateSdkErrors('保存统计核对任务', () =>
    dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: { ...reconciliationKey(job.id), type: 'reconciliation', ...job },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
};

/** @throws ReconciliationNotFoundError when there is no such reconciliation. */
export const getReconciliation = async (id: string): Promise<ReconciliationJob> => {
  const { Item } = await translateSdkErrors(`读取统计核对任务 ${id}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: reconciliationKey(id), ConsistentRead: true })),
  );
  if (!Item) throw new ReconciliationNotFoundError(`统计核对任务 ${id} 不存在`);
  return toJob(Item);
};

/** The reconciliations, newest first. */
export const listReconciliations = async (limit: number): Promise<ReconciliationJob[]> => {
  const { Items = [] } = await translateSdkErrors('读取统计核对记录', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :job)',
        ExpressionAttributeValues: { ':pk': partition, ':job': jobPrefix },
        ScanIndexForward: false,
        Limit: limit,
      }),
    ),
  );
  return Items.map(toJob);
};

const reconciliations: JobKind<ReconciliationJob> = {
  noun: '统计核对任务',
  key: reconciliationKey,
  get: getReconciliation,
  fromItem: toJob,
  busy: (message) => new ReconciliationBusyError(message),
  lost: (message) => new ReconciliationLostError(message),
};

/**
 * Takes reconciliation `id` for a worker until `leaseUntil`: when it is queued, or running with its lease run out. One
 * already done or failed is not taken (`taken: false`); one that another worker holds is a ReconciliationBusyError.
 */
export const claimReconciliation = (id: string, at: Date, leaseUntil: Date): Promise<Claim<ReconciliationJob>> =>
  claimJob(reconciliations, id, at, leaseUntil);

/** Marks the reconciliation done with what it found (by the worker of `attempt`). */
export const completeReconciliation = (
  id: string,
  attempt: number,
  result: ReconciliationResult,
  finishedAt: Date,
): Promise<void> =>
  finishJob(reconciliations, id, { attempt }, `完成统计核对任务 ${id}`, {
    set: '#status = :done, #result = :result, finishedAt = :at',
    names: { '#result': 'result' },
    values: { ':done': 'done', ':result': result, ':at': finishedAt.toISOString() },
  });

/**
 * Marks the reconciliation failed, with why in words for its requester: by the worker of `attempt`, or (`'queued'`)
 * by the request that could not queue it.
 */
export const failReconciliation = (id: string, holder: Holder, reason: string, finishedAt: Date): Promise<void> =>
  failJob(reconciliations, id, holder, reason, finishedAt);
