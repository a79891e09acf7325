/**
 * The local stand-in for Lambda's SQS event source mapping: polls a queue of the resource catalog (`shared/platform/catalog/`) and invokes its
 * consumer with a real SQS event, batch by batch, with ReportBatchItemFailures semantics: messages that succeeded are
 * deleted; those listed in `batchItemFailures` (or the whole batch, if the handler throws or answers something
 * invalid) stay, come back, and reach the dead-letter queue after `maxReceiveCount` receives (fauxqs redrives them).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from 'aws-lambda';
import { type CatalogQueue, functions } from '#platform/catalog/catalog.ts';
import { localAccountId, localRegion } from './aws-account.ts';
import { type HandlerLoader, invokeFunction } from './functions.ts';
import { localLog } from './log.ts';
import type { ProvisionedQueue } from './provision.ts';

/**
 * In AWS a failed message stays invisible for the queue's visibility timeout (180 s for `notices`) before it is
 * received again. Locally the poller shortens that to the consumer's timeout (30 s for send-notice), and no further:
 * a redelivery must not come before an invocation that died could have timed out, or it would find that invocation's
 * idempotency records still in progress (their window is the invocation's remaining time) and fail again, spending the
 * message's receives until it reached the dead-letter queue, its email never sent. With 5 receives a failing message
 * reaches the dead-letter queue after about 2 minutes. LOCAL_RETRY_DELAY_SECONDS makes the delay longer, never
 * shorter; the receive count and `maxReceiveCount` work exactly as in AWS.
 */
export const localRetryDelaySeconds = (queue: CatalogQueue): number => {
  const timeoutSeconds = functions[queue.consumer].timeoutSeconds;
  const value = Number(process.env.LOCAL_RETRY_DELAY_SECONDS ?? timeoutSeconds);
  return Number.isFinite(value) ? Math.max(Math.ceil(value), timeoutSeconds) : timeoutSeconds;
};

const recordAttributes = (message: Message): SQSRecordAttributes => {
  const attributes = message.Attributes ?? {};
  return {
    ...attributes,
    ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
    SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
    SenderId: attributes.SenderId ?? localAccountId,
    ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
  };
};

/** The SDK's message attributes in the shape Lambda gives them (camelCase, binary as base64). */
const recordMessageAttributes = (message: Message): SQSMessageAttributes => {
  const result: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    result[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') } : {}),
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map((item) => Buffer.from(item).toString('base64')),
      dataType: value.DataType ?? 'String',
    };
  }
  return result;
};

/** The event Lambda's SQS event source passes to the consumer for a batch of received messages. */
export const toSqsEvent = (messages: readonly Message[], queueArn: string): SQSEvent => ({
  Records: messages.map(
    (message): SQSRecord => ({
      messageId: message.MessageId as string,
      receiptHandle: message.ReceiptHandle as string,
      body: message.Body ?? '',
      attributes: recordAttributes(message),
      messageAttributes: recordMessageAttributes(message),
      md5OfBody: message.MD5OfBody ?? '',
      ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: localRegion,
    }),
  ),
});

/**
 * The message ids a handler's result reports as failed. As Lambda does: no result, or no or an empty
 * `batchItemFailures`, is complete success; an identifier that is empty or not in the batch fails the whole batch.
 */
export const failedMessageIds = (result: unknown, event: SQSEvent): Set<string> => {
  const all = new Set(event.Records.map((record) => record.messageId));
  if (typeof result !== 'object' || result === null) return new Set();
  const failures = (result as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return all;
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !all.has(id)) return all;
    failed.add(id);
  }
  return failed;
};

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
};

export interface QueuePoller {
  /** Finishes the current receive (at most `waitTimeSeconds`) and the batch in hand, then stops. */
  stop(): Promise<void>;
}

export const startQueuePoller = (options: {
  sqs: SQSClient;
  queue: ProvisionedQueue;
  loadHandler: HandlerLoader;
  /**
   * Seconds before a failed message comes back; `localRetryDelaySeconds` by default. Tests of the poller itself, with
   * consumers that keep no idempotency records, may shorten it.
   */
  retryDelaySeconds?: number;
  /** Long-poll wait of each receive; also how long `stop` may wait for one. */
  waitTimeSeconds?: number;
}): QueuePoller => {
  const { sqs, queue, loadHandler } = options;
  const { definition } = queue;
  const retryDelay = options.retryDelaySeconds ?? localRetryDelaySeconds(definition);
  let stopping = false;
  const stopped = new AbortController();

  const settle = async (messages: readonly Message[], failed: Set<string>) => {
    const succeeded = messages.filter((message) => !failed.has(message.MessageId as string));
    for (const batch of chunks(succeeded, 10)) {
      const response = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queue.url,
          Entries: batch.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })),
        }),
      );
      if (response.Failed?.length)
        localLog.warn('could not delete messages', { queue: definition.key, failed: response.Failed });
    }
    const retry = messages.filter((message) => failed.has(message.MessageId as string));
    if (retry.length === 0 || retryDelay >= definition.visibilityTimeoutSeconds) return;
    for (const batch of chunks(retry, 10)) {
      await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queue.url,
          Entries: batch.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
            VisibilityTimeout: retryDelay,
          })),
        }),
      );
    }
  };

  const processBatch = async (messages: readonly Message[], queueArn: string) => {
    const event = toSqsEvent(messages, queueArn);
    let failed: Set<string>;
    try {
      const result = await invokeFunction(loadHandler, definition.consumer, event);
      failed = failedMessageIds(result, event);
    } catch (error) {
      localLog.error('queue consumer failed; the batch will be retried', {
        queue: definition.key,
        consumer: definition.consumer,
        error,
      });
      failed = new Set(event.Records.map((record) => record.messageId));
    }
    if (failed.size > 0) {
      localLog.warn('messages failed', {
        queue: definition.key,
        messageIds: [...failed],
        retryInSeconds: Math.min(retryDelay, definition.visibilityTimeoutSeconds),
      });
    }
    await settle(messages, failed);
  };

  const loop = async () => {
    let queueArn: string | undefined;
    while (!stopping) {
      try {
        queueArn ??= (
          await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['QueueArn'] }))
        ).Attributes?.QueueArn as string;
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queue.url,
            MaxNumberOfMessages: definition.batchSize,
            WaitTimeSeconds: options.waitTimeSeconds ?? 1,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
        );
        if (Messages.length > 0) await processBatch(Messages, queueArn);
      } catch (error) {
        if (stopping) break;
        localLog.warn('polling failed; retrying in 1 s', { queue: definition.key, error });
        await sleep(1000, undefined, { signal: stopped.signal }).catch(() => undefined);
      }
    }
  };

  const running = loop();
  return {
    stop: async () => {
      stopping = true;
      stopped.abort();
      await running;
    },
  };
};

export interface QueueDepth {
  readonly url: string;
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
}

export interface QueueCounts extends QueueDepth {
  readonly queue: string;
  readonly consumer: string;
  readonly deadLetter: QueueDepth;
}

const depthOf = async (sqs: SQSClient, url: string): Promise<QueueDepth> => {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  return {
    url,
    visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
    delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
  };
};

/** Visible, in-flight and delayed messages of each queue and its dead-letter queue. */
export const queueCounts = (sqs: SQSClient, queues: readonly ProvisionedQueue[]): Promise<QueueCounts[]> =>
  Promise.all(
    queues.map(async (queue) => ({
      queue: queue.definition.key,
      consumer: queue.definition.consumer,
      ...(await depthOf(sqs, queue.url)),
      deadLetter: await depthOf(sqs, queue.deadLetterUrl),
    })),
  );
