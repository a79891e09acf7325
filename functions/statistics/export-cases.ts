import { attachmentsBucket } from '#platform/adapters/attachment-store.ts';
import { queues } from '#platform/catalog/catalog.ts';
import { tableName } from '#platform/config.ts';
import { queueHandler } from '#platform/handlers/queue.ts';
import { countMetric } from '#platform/metrics.ts';
import { exportMessageSchema } from '#statistics/services/export-files.ts';
import { runCaseExport } from '#statistics/services/run-case-export.ts';

tableName('main');
attachmentsBucket();

/** The number of this delivery of the message, as SQS counts it (1 for the first). */
const receiveCountOf = (record: Readonly<Record<string, unknown>>): number =>
  Number((record.attributes as { ApproximateReceiveCount?: string } | undefined)?.ApproximateReceiveCount ?? 1);

/** One job a batch (the queue's batch size is 1): the job may take most of the invocation. */
export const handler = queueHandler({
  message: exportMessageSchema,
  handle: async (message, { record, context }) => {
    const outcome = await runCaseExport(message, {
      leaseMs: context.getRemainingTimeInMillis(),
      lastDelivery: receiveCountOf(record) >= queues.exports.maxReceiveCount,
    });
    countMetric('CaseExport', ['outcome', outcome]);
  },
  onFailure: () => countMetric('CaseExportFailed', ['type', 'case-export']),
});
