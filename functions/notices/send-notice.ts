import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { emailsFor, parseNoticeMessage } from '#notices/services/send-notice.ts';
import { type Email, sendEmail } from '#platform/adapters/mailer.ts';
import { mailFrom, publicBaseUrl, tableName } from '#platform/config.ts';
import { logger } from '#platform/logger.ts';
import { countMetric } from '#platform/metrics.ts';

tableName('main');
mailFrom();
publicBaseUrl();

const idempotencyConfig = new IdempotencyConfig({ eventKeyJmesPath: 'key', expiresAfterSeconds: 30 * 24 * 3600 });

/** Each (event, recipient) pair is emailed once, however often SQS delivers the message. */
const sendOnce = makeIdempotent(
  async (notice: { key: string; email: Email }) => ({ messageId: await sendEmail(notice.email) }),
  {
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: tableName('idempotency') }),
    config: idempotencyConfig,
  },
);

const processor = new BatchProcessor(EventType.SQS);

const handleRecord = async (record: SQSRecord): Promise<void> => {
  let type = 'unreadable';
  try {
    const message = parseNoticeMessage(record.body);
    type = message.type;
    const emails = await emailsFor(message);
    for (const email of emails) {
      const { messageId } = await sendOnce({ key: `${message.id}:${email.to}`, email });
      logger.info('notice sent', { messageId: message.id, type: message.type, emailId: messageId });
    }
    countMetric('NoticeSent', ['type', message.type], emails.length);
  } catch (error) {
    countMetric('NoticeFailed', ['type', type]);
    throw error;
  }
};

export const handler = middy(async (event: SQSEvent, context: Context) => {
  idempotencyConfig.registerLambdaContext(context);
  return processPartialResponse(event, handleRecord, processor, { context });
}).use(injectLambdaContext(logger, { resetKeys: true }));
