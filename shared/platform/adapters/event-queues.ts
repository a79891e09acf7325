import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { queues } from '#platform/catalog/catalog.ts';
import type { QueueKey } from '#platform/catalog/definitions.ts';
import { queueUrl } from '#platform/config.ts';
import { QueueSendError } from './errors.ts';

let client: SQSClient | undefined;
const sqs = () => {
  // The configured (regional or local) endpoint, not the queue URL's host: they differ on one machine.
  client ??= new SQSClient({ useQueueUrlAsEndpoint: false });
  return client;
};

/** A message for the notices queue: a case event or a digest, with an id the worker deduplicates by. */
export interface NoticeQueueMessage {
  readonly id: string;
  readonly type: string;
}

/** Sends messages to the notices queue, ten to a batch. Returns the ids of the messages SQS accepted. */
export const publishMessages = (messages: readonly NoticeQueueMessage[]): Promise<string[]> =>
  sendToQueue('notices', messages);

const carries = (key: QueueKey, type: string): boolean => {
  const carried = queues[key].carries;
  return carried === 'all' || carried.includes(type);
};

/**
 * Fans case events out to every queue of the catalog that carries their type (the notices queue carries all; the
 * surveys queue, closings). Returns the ids of the events every such queue accepted: the others stay in the outbox
 * and are sent again (to all their queues: consumers are idempotent).
 */
export const publishEvents = async (events: readonly NoticeQueueMessage[]): Promise<string[]> => {
  const keys = Object.keys(queues) as QueueKey[];
  const accepted = new Map<string, number>();
  for (const key of keys) {
    const carried = events.filter((event) => carries(key, event.type));
    if (carried.length === 0) continue;
    for (const id of await sendToQueue(key, carried)) accepted.set(id, (accepted.get(id) ?? 0) + 1);
  }
  return events
    .filter((event) => accepted.get(event.id) === keys.filter((key) => carries(key, event.type)).length)
    .map((event) => event.id);
};

const sendToQueue = async (key: QueueKey, messages: readonly NoticeQueueMessage[]): Promise<string[]> => {
  const accepted: string[] = [];
  for (let start = 0; start < messages.length; start += 10) {
    const batch = messages.slice(start, start + 10);
    try {
      const result = await sqs().send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl(key),
          // Batch entry ids allow only [A-Za-z0-9_-]: use the position, and map back.
          Entries: batch.map((message, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify(message),
            MessageAttributes: { type: { DataType: 'String', StringValue: message.type } },
          })),
        }),
      );
      accepted.push(...(result.Successful ?? []).map((entry) => batch[Number(entry.Id)]?.id as string));
    } catch (error) {
      throw new QueueSendError(`事件未能发送到 ${key} 队列`, { cause: error });
    }
  }
  return accepted;
};
