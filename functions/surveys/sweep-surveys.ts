import { mailFrom, publicBaseUrl, tableName } from '#platform/config.ts';
import { scheduledHandler } from '#platform/handlers/scheduled.ts';
import { registerMailContext } from '#surveys/services/mail.ts';
import { sweepSurveys } from '#surveys/services/sweep.ts';

tableName('main');
tableName('idempotency');
mailFrom();
publicBaseUrl();

/** The daily survey sweep (09:00 Asia/Shanghai): one reminder per email survey, and expiry as not evaluated. */
export const handler = scheduledHandler((invocation, context) => {
  registerMailContext(context);
  return sweepSurveys(new Date(invocation.scheduledTime));
});
