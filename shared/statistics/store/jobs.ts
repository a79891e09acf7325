/**
 * The life of a background job of the statistics capability (a case-ledger export, a reconciliation), kept in the
 * conditions of its writes: a worker takes a job only while it is queued, or running with its lease run out (its
 * worker died); it finishes or fails the job only while it still holds it (same attempt). A redelivered message for a
 * finished job therefore changes nothing. Each job's own store (export-jobs.ts, reconciliations.ts) gives its key, its
 * name and its errors; the writes are the same.
 *
 * Errors: a condition that fails becomes the job's busy or lost error; anything else the SDK throws a PersistenceError
 * naming the operation, with the SDK's error as `cause`.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

/** What every job has: where it got to, how many workers have taken it, and until when the running one holds it. */
export interface JobState {
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly attempt: number;
  readonly leaseUntil?: string;
}

/** One kind of job, as its store knows it. */
export interface JobKind<Job extends JobState> {
  /** What the job is called in operations and errors (`导出任务`). */
  readonly noun: string;
  readonly key: (id: string) => Record<string, string>;
  /** The job as stored now: throws the job's not-found error when there is none. */
  readonly get: (id: string) => Promise<Job>;
  /** The job of an item as DynamoDB returns it. */
  readonly fromItem: (item: Record<string, unknown>) => Job;
  /** Another worker holds the job now (its lease has not run out). */
  readonly busy: (message: string) => Error;
  /** The job is no longer this worker's to finish. */
  readonly lost: (message: string) => Error;
}

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

/** What taking a job came to: taken (this attempt's), or already finished by an earlier delivery. */
export type Claim<Job> = { readonly taken: true; readonly job: Job } | { readonly taken: false; readonly job: Job };

/**
 * Takes job `id` for a worker until `leaseUntil`: when it is queued, or running with its lease run out. A job already
 * done or failed is not taken (`taken: false`); one that another worker holds is the kind's busy error.
 */
export const claimJob = async <Job extends JobState>(
  kind: JobKind<Job>,
  id: string,
  at: Date,
  leaseUntil: Date,
): Promise<Claim<Job>> => {
  const result = await conditionally(`领取${kind.noun} ${id}`, () =>
    dynamo().send(
      new UpdateCommand({
        TableName: tableName('main'),
        Key: kind.key(id),
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
  if (result !== conditionFailed) return { taken: true, job: kind.fromItem(result.Attributes ?? {}) };
  const job = await kind.get(id);
  if (job.status === 'done' || job.status === 'failed') return { taken: false, job };
  throw kind.busy(`${kind.noun} ${id} 正由另一次执行处理（至 ${job.leaseUntil ?? '未知'}）`);
};

/** Who may end a job: the worker of `attempt` while it runs, or whoever queued it while no worker has taken it. */
export type Holder = { readonly attempt: number } | 'queued';

/**
 * Ends job `id` (SET `set`, with the names and values it uses) if `holder` still holds it; the kind's lost error when
 * not.
 */
export const finishJob = async <Job extends JobState>(
  kind: JobKind<Job>,
  id: string,
  holder: Holder,
  operation: string,
  update: {
    readonly set: string;
    readonly names?: Readonly<Record<string, string>>;
    readonly values: Readonly<Record<string, unknown>>;
  },
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
        Key: kind.key(id),
        UpdateExpression: `SET ${update.set} REMOVE leaseUntil`,
        ConditionExpression: held.condition,
        ExpressionAttributeNames: { '#status': 'status', ...update.names },
        ExpressionAttributeValues: { ...held.values, ...update.values },
      }),
    ),
  );
  if (result === conditionFailed) throw kind.lost(`${kind.noun} ${id} 已不由本次执行处理`);
};

/**
 * Marks job `id` failed, with why in words for its requester: by the worker of `attempt`, or (`'queued'`) by the
 * request that could not queue it.
 */
export const failJob = <Job extends JobState>(
  kind: JobKind<Job>,
  id: string,
  holder: Holder,
  reason: string,
  finishedAt: Date,
): Promise<void> =>
  finishJob(kind, id, holder, `记录${kind.noun} ${id} 失败`, {
    set: '#status = :failed, #error = :error, finishedAt = :at',
    names: { '#error': 'error' },
    values: { ':failed': 'failed', ':error': reason, ':at': finishedAt.toISOString() },
  });
