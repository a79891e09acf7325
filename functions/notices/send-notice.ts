import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { emailsFor, noticeMessageSchema } from '#notices/services/send-notice.ts';
import { type Email, sendEmail } from '#platform/adapters/mailer.ts';
import { mailFrom, publicBaseUrl, tableName } from '#platform/config.ts';
import { queueHandler } from '#platform/handlers/queue.ts';
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

export const handler = queueHandler({
  message: noticeMessageSchema,
  handle: async (message, { context }) => {
    idempotencyConfig.registerLambdaContext(context);
    const emails = await emailsFor(message);
    for (const email of emails) {
      const { messageId } = await sendOnce({ key: `${message.id}:${email.to}`, email });
      logger.info('notice sent', { messageId: message.id, type: message.type, emailId: messageId });
    }
    countMetric('NoticeSent', ['type', message.type], emails.length);
  },
  onFailure: (_error, message) => countMetric('NoticeFailed', ['type', message?.type ?? 'unreadable']),
});
