import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
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
export const publishMessages = async (messages: readonly NoticeQueueMessage[]): Promise<string[]> => {
  const accepted: string[] = [];
  for (let start = 0; start < messages.length; start += 10) {
    const batch = messages.slice(start, start + 10);
    try {
      const result = await sqs().send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl('notices'),
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
      throw new QueueSendError('事件未能发送到通知队列', { cause: error });
    }
  }
  return accepted;
};
