import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { toSqsEvent } from '../../local/queue-poller.ts';
import { invoke } from './factories.ts';

/**
 * Feeds whatever waits on the notices queue to the send-notice worker, as the event source mapping would (the event
 * built as the local queue poller builds it), and deletes what it processed. Returns how many messages it handled.
 */
export const drainNotices = (sendNotice: unknown): Promise<number> => drainQueue('NOTICES_QUEUE_URL', sendNotice);

/** As drainNotices, for the queue whose URL is in the environment variable `envVar` and its consumer. */
export const drainQueue = async (envVar: string, consumer: unknown): Promise<number> => {
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  const queueUrl = process.env[envVar];
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  let handled = 0;
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) break;
    const event = toSqsEvent(Messages, Attributes?.QueueArn ?? '');
    const result = (await invoke(consumer, event)) as unknown as { batchItemFailures: unknown[] };
    if (result.batchItemFailures.length > 0) throw new Error(`${envVar} consumer failed: ${JSON.stringify(result)}`);
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
