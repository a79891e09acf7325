import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { z } from '#platform/domain/zod.ts';
import { logger } from '#platform/logger.ts';
import { InvalidEventError, UnreadableMessageError } from './errors.ts';
import { problemsOf } from './payload.ts';

/** One record of an SQS event, as far as the wrapper relies on it; the rest is passed through untouched. */
const sqsRecordSchema = z.looseObject({
  messageId: z.string().min(1),
  body: z.string(),
  eventSource: z.literal('aws:sqs'),
});

/** The event Lambda's SQS event source mapping delivers: a batch of records. */
const sqsEventSchema = z.object({ Records: z.array(sqsRecordSchema).min(1) });

export type QueueRecord = z.output<typeof sqsRecordSchema>;

/** Where a message came from, for handlers that need more than the message. */
export interface QueueMessageContext {
  readonly record: QueueRecord;
  readonly context: Context;
}

export interface QueueHandlerOptions<Message extends z.ZodType> {
  /** The messages the queue carries (usually a discriminated union on `type`), parsed from each record's JSON body. */
  readonly message: Message;
  /** Handles one message; what it throws fails that record only. */
  readonly handle: (message: z.output<Message>, source: QueueMessageContext) => Promise<void>;
  /** Told of every record that fails, with its message if it was readable (e.g. to count failures by type). */
  readonly onFailure?: (error: unknown, message: z.output<Message> | undefined) => void;
  /**
   * `true` (Powertools' default): the batch's records are handled side by side. `false`: one after another, in order,
   * so that the event source's concurrency alone bounds the calls in flight downstream (a consumer that sends email
   * within SES's sending rate).
   */
  readonly processInParallel?: boolean;
  /**
   * A record is not started with less of the invocation left than this: it fails unhandled (`InvocationEndingError`)
   * and SQS delivers it again, instead of the timeout cutting it off half done. Meant for sequential processing, where
   * the last records start late; without it every record is started.
   */
  readonly minTimeLeftMs?: number;
}

/** A record the consumer did not start because its invocation was about to time out; SQS delivers it again. */
export class InvocationEndingError extends Error {
  override name = 'InvocationEndingError';
}

const parseBatch = (event: unknown) => {
  const result = sqsEventSchema.safeParse(event);
  if (!result.success) {
    throw new InvalidEventError('not an SQS event', problemsOf(result.error), { cause: result.error });
  }
  return result.data;
};

const readMessage = <Message extends z.ZodType>(schema: Message, record: QueueRecord): z.output<Message> => {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch (cause) {
    throw new UnreadableMessageError(record.messageId, [{ path: '', message: 'body is not JSON' }], { cause });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new UnreadableMessageError(record.messageId, problemsOf(result.error), { cause: result.error });
  }
  return result.data;
};

/** A whole batch failing (an event that is not SQS, or every record failing) is logged here and thrown on. */
const reportFailure = (): MiddlewareObj<unknown, SQSBatchResponse> => ({
  onError: async (request) => {
    if (request.error instanceof InvalidEventError) {
      logger.error('queue event refused', { errors: request.error.errors });
    } else {
      logger.error('queue batch failed', { error: request.error });
    }
  },
});

/**
 * Wraps an SQS consumer with the house middleware: structured logs with the Lambda context, the event parsed as an SQS
 * batch, and each record's body parsed with `message`, with Powertools batch processing reporting partial failures.
 * A record that is not JSON or not a message of the schema, or whose handling throws, is logged and reported in
 * `batchItemFailures` (SQS delivers it again, and past `maxReceiveCount` moves it to the dead-letter queue); the rest
 * of the batch is processed. If every record fails, the batch is thrown back whole, as Powertools does. Records are
 * handled side by side unless `processInParallel` is `false`.
 *
 * @example
 * export const handler = queueHandler({
 *   message: z.discriminatedUnion('type', [caseEventSchema, digestSchema]),
 *   handle: async (message) => { await notify(message); },
 * });
 */
export const queueHandler = <Message extends z.ZodType>(options: QueueHandlerOptions<Message>) => {
  const processor = new BatchProcessor(EventType.SQS);

  const processRecord = async (record: QueueRecord, context: Context): Promise<void> => {
    let message: z.output<Message> | undefined;
    try {
      message = readMessage(options.message, record);
      if (options.minTimeLeftMs !== undefined) {
        const timeLeftMs = context.getRemainingTimeInMillis();
        if (timeLeftMs < options.minTimeLeftMs) {
          throw new InvocationEndingError(
            `queue message ${record.messageId} not started: ${timeLeftMs} ms of the invocation left, ${options.minTimeLeftMs} needed`,
          );
        }
      }
      await options.handle(message, { record, context });
    } catch (error) {
      options.onFailure?.(error, message);
      if (error instanceof UnreadableMessageError) {
        logger.warn('queue message unreadable', { messageId: record.messageId, errors: error.errors });
      } else if (error instanceof InvocationEndingError) {
        logger.warn('queue message left for the next delivery', { messageId: record.messageId, reason: error.message });
      } else {
        logger.error('queue message failed', { messageId: record.messageId, error });
      }
      throw error;
    }
  };

  return middy<unknown, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(reportFailure())
    .handler(async (event, context) =>
      processPartialResponse(parseBatch(event), (record: QueueRecord) => processRecord(record, context), processor, {
        context,
        processInParallel: options.processInParallel ?? true,
      }),
    );
};
