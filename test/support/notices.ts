import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { invoke } from './factories.ts';

/**
 * Feeds whatever waits on the notices queue to the send-notice worker, as the event source mapping would, and deletes
 * what it processed. Returns how many messages it handled.
 */
export const drainNotices = async (sendNotice: unknown): Promise<number> => {
  const sqs = new SQSClient({});
  const queueUrl = process.env.NOTICES_QUEUE_URL;
  let handled = 0;
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) break;
    const event: SQSEvent = {
      Records: Messages.map((message) => ({
        messageId: message.MessageId ?? '',
        receiptHandle: message.ReceiptHandle ?? '',
        body: message.Body ?? '',
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: message.MD5OfBody ?? '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-east-1:000000000000:notices',
        awsRegion: 'ap-east-1',
      })),
    };
    const result = (await invoke(sendNotice, event)) as unknown as { batchItemFailures: unknown[] };
    if (result.batchItemFailures.length > 0) throw new Error(`notices failed: ${JSON.stringify(result)}`);
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle ?? '' })),
      }),
    );
    handled += Messages.length;
  }
  sqs.destroy();
  return handled;
};
