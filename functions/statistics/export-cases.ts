import { attachmentsBucket } from '#platform/adapters/attachment-store.ts';
import { tableName } from '#platform/config.ts';
import { queueHandler } from '#platform/handlers/queue.ts';
import { countMetric } from '#platform/metrics.ts';
import { exportMessageSchema } from '#statistics/services/export-files.ts';
import { isLastDelivery } from '#statistics/services/job-queue.ts';
import { runCaseExport } from '#statistics/services/run-case-export.ts';

tableName('main');
attachmentsBucket();

/** One job a batch (the queue's batch size is 1): the job may take most of the invocation. */
export const handler = queueHandler({
  message: exportMessageSchema,
  handle: async (message, { record, context }) => {
    const outcome = await runCaseExport(message, {
      leaseMs: context.getRemainingTimeInMillis(),
      lastDelivery: isLastDelivery(record, 'exports'),
    });
    countMetric('CaseExport', ['outcome', outcome]);
  },
  onFailure: () => countMetric('CaseExportFailed', ['type', 'case-export']),
});
