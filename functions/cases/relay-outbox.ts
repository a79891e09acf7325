import { listPendingEvents } from '#cases/store/outbox.ts';
import { relayNow } from '#intake/services/register-complaint.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { scheduledHandler } from '#platform/handlers/scheduled.ts';
import { logger } from '#platform/logger.ts';

tableName('main');
queueUrl('notices');

/** Events younger than this may still be on their way from the request that wrote them. */
const graceMs = 60_000;

export const handler = scheduledHandler(async (invocation) => {
  const before = new Date(new Date(invocation.scheduledTime).getTime() - graceMs);
  const pending = await listPendingEvents(before);
  const relayed = pending.length > 0 ? await relayNow(pending) : 0;
  if (pending.length > 0) logger.info('outbox relayed', { pending: pending.length, relayed });
  return { pending: pending.length, relayed };
});
