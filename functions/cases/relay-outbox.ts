import { relayPendingEvents } from '#cases/services/relay-events.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { scheduledHandler } from '#platform/handlers/scheduled.ts';
import { logger } from '#platform/logger.ts';

tableName('main');
queueUrl('notices');
queueUrl('surveys');

/** Events younger than this may still be on their way from the request that wrote them. */
const graceMs = 60_000;

export const handler = scheduledHandler(async (invocation) => {
  const report = await relayPendingEvents(new Date(new Date(invocation.scheduledTime).getTime() - graceMs));
  if (report.pending > 0) logger.info('outbox relayed', { ...report });
  return report;
});
