import { randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';

export interface SqsTestMessage {
  readonly body: string;
  readonly messageId?: string;
  readonly receiptHandle?: string;
}

/** An SQS event as Lambda's event source mapping delivers it, one record per message (or body). */
export const sqsEvent = (...messages: (string | SqsTestMessage)[]): SQSEvent => ({
  Records: messages.map((message): SQSRecord => {
    const {
      body,
      messageId = randomUUID(),
      receiptHandle = randomUUID(),
    } = typeof message === 'string' ? { body: message } : message;
    return {
      messageId,
      receiptHandle,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:ap-east-1:000000000000:greenline-notices',
      awsRegion: 'ap-east-1',
    };
  }),
});
