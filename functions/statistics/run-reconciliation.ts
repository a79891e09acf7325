import { tableName } from '#platform/config.ts';
import { queueHandler } from '#platform/handlers/queue.ts';
import { countMetric } from '#platform/metrics.ts';
import { isLastDelivery } from '#statistics/services/job-queue.ts';
import { reconciliationMessageSchema, runReconciliation } from '#statistics/services/run-reconciliation.ts';

tableName('main');

/** One job a batch (the queue's batch size is 1): the recount may take most of the invocation. */
export const handler = queueHandler({
  message: reconciliationMessageSchema,
  handle: async (message, { record, context }) => {
    const outcome = await runReconciliation(message, {
      leaseMs: context.getRemainingTimeInMillis(),
      lastDelivery: isLastDelivery(record, 'reconciliations'),
    });
    countMetric('Reconciliation', ['outcome', outcome]);
  },
  onFailure: () => countMetric('ReconciliationFailed', ['type', 'reconciliation']),
});
