import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { invoke } from './factories.ts';
import { sqsEvent } from './sqs-event.ts';

/**
 * Feeds whatever waits on the notices queue to the send-notice worker, as the event source mapping would, and deletes
 * what it processed. Returns how many messages it handled.
 */
export const drainNotices = async (sendNotice: unknown): Promise<number> => {
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  const queueUrl = process.env.NOTICES_QUEUE_URL;
  let handled = 0;
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) break;
    const event = sqsEvent(
      ...Messages.map((message) => ({
        body: message.Body ?? '',
        messageId: message.MessageId ?? '',
        receiptHandle: message.ReceiptHandle ?? '',
      })),
    );
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
