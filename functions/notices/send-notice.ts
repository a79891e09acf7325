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

/**
 * Each email's idempotency record (`<event id>:<recipient>`) is IN_PROGRESS while SES is called, COMPLETED after. A
 * COMPLETED record answers every later delivery without sending; it is kept 30 days, longer than a message lives (14
 * days in the queue or its dead-letter queue). An IN_PROGRESS record left by an invocation that died (crash, timeout,
 * Ctrl-C) blocks its email for the invocation's remaining time only (Powertools takes it from the Lambda context
 * registered below; without it the record would block for the 30 days). That window ends by send-notice's timeout
 * (30 s) after the batch was received, and redeliveries wait longer (shared/platform/catalog/queues.ts), so the email
 * that was not sent is sent by the next delivery, exactly once.
 */
const idempotencyConfig = new IdempotencyConfig({ eventKeyJmesPath: 'key', expiresAfterSeconds: 30 * 24 * 3600 });

/** Each (event, recipient) pair is emailed once, however often SQS delivers the message. */
const sendOnce = makeIdempotent(
  async (notice: { key: string; email: Email }) => ({ messageId: await sendEmail(notice.email) }),
  {
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: tableName('idempotency') }),
    config: idempotencyConfig,
  },
);

/**
 * Notices are handled one at a time and each notice's emails one after another, so an invocation has one email in
 * flight. With the event source's MaximumConcurrency of 2 (infra/constructs/notices.ts) the peak is 2 invocations × 1
 * email ÷ t, t being one email's time (idempotency write, SES call, completion write): it stays within SES's default
 * 14 emails/s while t ≥ 2/14 s ≈ 143 ms, and a burst above it is throttled by SES and retried by the SDK, then by
 * SQS. Side by side, the 10 notices of a batch sent up to 20 emails at once: ten times that rate.
 * A notice is not started with less than 5 s of the invocation left (its emails take a fraction of that): it comes back
 * later, rather than being cut off by the timeout between SES accepting an email and its record completing, the one
 * moment at which a dying invocation leaves an email sent but not recorded, to be sent again after the window.
 */
export const handler = queueHandler({
  message: noticeMessageSchema,
  processInParallel: false,
  minTimeLeftMs: 5_000,
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
