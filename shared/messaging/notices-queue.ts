import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { queueUrl } from '#config';
import type { CaseEvent } from '#domain/case.ts';
import { QueueSendError } from './errors.ts';

let client: SQSClient | undefined;
const sqs = () => {
  // The configured (regional or local) endpoint, not the queue URL's host: they differ on one machine.
  client ??= new SQSClient({ useQueueUrlAsEndpoint: false });
  return client;
};

/** Sends events to the notices queue, ten to a batch. Returns the ids of events SQS accepted. */
export const publishEvents = async (events: readonly CaseEvent[]): Promise<string[]> => {
  const accepted: string[] = [];
  for (let start = 0; start < events.length; start += 10) {
    const batch = events.slice(start, start + 10);
    try {
      const result = await sqs().send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl('notices'),
          Entries: batch.map((event) => ({
            Id: event.id,
            MessageBody: JSON.stringify(event),
            MessageAttributes: { type: { DataType: 'String', StringValue: event.type } },
          })),
        }),
      );
      accepted.push(...(result.Successful ?? []).map((entry) => entry.Id as string));
    } catch (error) {
      throw new QueueSendError('事件未能发送到通知队列', { cause: error });
    }
  }
  return accepted;
};
