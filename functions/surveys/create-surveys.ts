import { mailFrom, publicBaseUrl, tableName } from '#platform/config.ts';
import { queueHandler } from '#platform/handlers/queue.ts';
import { logger } from '#platform/logger.ts';
import { countMetric } from '#platform/metrics.ts';
import { closingMessageSchema, createSurveysFor } from '#surveys/services/create-surveys.ts';
import { registerMailContext } from '#surveys/services/mail.ts';

tableName('main');
tableName('idempotency');
mailFrom();
publicBaseUrl();

/** One at a time, like send-notice: each closing's emails go out one after another, within SES's rate. */
export const handler = queueHandler({
  message: closingMessageSchema,
  processInParallel: false,
  minTimeLeftMs: 10_000,
  handle: async (message, { context }) => {
    registerMailContext(context);
    const surveys = await createSurveysFor(message);
    logger.info('surveys created', { caseId: message.caseId, surveys: surveys.map((survey) => survey.id) });
    countMetric('SurveysCreated', ['channel', 'all'], surveys.length);
  },
  onFailure: () => countMetric('SurveyCreationFailed', ['type', 'case-closed']),
});
