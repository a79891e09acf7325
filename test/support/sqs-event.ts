import { randomUUID } from 'node:crypto';
import type { SQSEvent } from 'aws-lambda';
import { localQueueName } from '#platform/catalog/definitions.ts';
import { localAccountId, localRegion } from '../../local/aws-account.ts';
import { toSqsEvent } from '../../local/queue-poller.ts';

export interface SqsTestMessage {
  readonly body: string;
  readonly messageId?: string;
  readonly receiptHandle?: string;
}

const noticesQueueArn = `arn:aws:sqs:${localRegion}:${localAccountId}:${localQueueName('notices')}`;

/**
 * An SQS event of the notices queue as Lambda's event source mapping delivers it, one record per message (or body),
 * built as the local queue poller builds it (`toSqsEvent` of `local/queue-poller.ts`).
 */
export const sqsEvent = (...messages: (string | SqsTestMessage)[]): SQSEvent =>
  toSqsEvent(
    messages.map((message) => {
      const {
        body,
        messageId = randomUUID(),
        receiptHandle = randomUUID(),
      } = typeof message === 'string' ? { body: message } : message;
      return { Body: body, MessageId: messageId, ReceiptHandle: receiptHandle };
    }),
    noticesQueueArn,
  );
