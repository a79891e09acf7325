/**
 * How the statistics capability's background jobs reach their workers: a message naming the job, on the job's queue
 * (`exports` for case-ledger exports, `reconciliations` for reconciliations). SQS errors become QueueSendError here,
 * with the SDK's error as `cause`.
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { QueueSendError } from '#platform/adapters/errors.ts';
import { queues } from '#platform/catalog/catalog.ts';
import { queueUrl } from '#platform/config.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '#platform/domain/errors.ts';
import { z } from '#platform/domain/zod.ts';

/** The queues that carry jobs. */
export type JobQueue = 'exports' | 'reconciliations';

let sqsClient: SQSClient | undefined;

/** The configured (regional or local) endpoint, not the queue URL's host: they differ on one machine. */
const sqs = (): SQSClient => {
  sqsClient ??= new SQSClient({ useQueueUrlAsEndpoint: false });
  return sqsClient;
};

/** What a job queue carries: the id of a job to run, and its type. */
export const jobMessageSchema = <const Type extends string>(type: Type) =>
  z.looseObject({ type: z.literal(type), id: z.string().min(1) });

/** Hands job `message.id` to the worker of `queue`. */
export const sendJobMessage = async (
  queue: JobQueue,
  message: { readonly type: string; readonly id: string },
): Promise<void> => {
  try {
    await sqs().send(
      new SendMessageCommand({
        QueueUrl: queueUrl(queue),
        MessageBody: JSON.stringify(message),
        MessageAttributes: { type: { DataType: 'String', StringValue: message.type } },
      }),
    );
  } catch (error) {
    throw new QueueSendError(`任务未能发送到 ${queue} 队列`, { cause: error });
  }
};

/**
 * Whether a record is the queue's last delivery of its message (SQS's receive count has reached the queue's
 * `maxReceiveCount`): a worker's failure then fails the job for good, as the message goes to the dead-letter queue.
 */
export const isLastDelivery = (record: Readonly<Record<string, unknown>>, queue: JobQueue): boolean => {
  const receiveCount = Number(
    (record.attributes as { ApproximateReceiveCount?: string } | undefined)?.ApproximateReceiveCount ?? 1,
  );
  return receiveCount >= queues[queue].maxReceiveCount;
};

/** How a worker runs a job it took from its queue. */
export interface RunOptions {
  /** How long this worker may hold the job (what is left of its invocation): after that another may take it over. */
  readonly leaseMs: number;
  /** Whether this is the queue's last delivery of the message: a failure then fails the job for good. */
  readonly lastDelivery: boolean;
}

/** What a delivery came to: the job done, already finished (a redelivery), or failed for good. */
export type RunOutcome = 'done' | 'already-finished' | 'failed';

/** Failures no retry can cure: the requester's scope or a unit the job names no longer holds, say. */
export const isPermanentFailure = (error: unknown): boolean =>
  error instanceof ValidationError || error instanceof ForbiddenError || error instanceof NotFoundError;

/** Why a job failed, for its requester: a known refusal's message (written for them), else a general one. */
export const failureReason = (error: unknown, what: string): string =>
  isPermanentFailure(error) && error instanceof Error ? `${what}失败：${error.message}` : `${what}失败，请稍后重新申请`;
