import { Construct } from 'constructs';
import { queues } from '#platform/catalog/catalog.ts';
import { statisticsFunctions } from '#statistics/resources.ts';
import {
  type CapabilityFunctions,
  type CapabilityProps,
  createFunctions,
  functionNamed,
} from './platform/capability.ts';
import { consume } from './platform/event-queues.ts';

/**
 * At most 2 exports at once: each reads the main table page by page for up to 900 s, and a burst of requests should
 * queue rather than take the table's read capacity from the API.
 */
export const exportConsumerConcurrency = 2;

/**
 * At most 2 reconciliations at once — SQS's least `MaximumConcurrency`: each scans the whole table for up to 900 s,
 * and more at once would only compete for its read capacity.
 */
export const reconciliationConsumerConcurrency = 2;

/**
 * Statistics (`shared/statistics/resources.ts`): the figures from the case counters, their reconciliation, the
 * statistics table and the progress report as files, and the case-ledger exports — export-cases consumes the exports
 * queue and streams each file into the attachments bucket under its export prefix (write-exports; the bucket expires
 * them), request-case-export sends to the queue, get-case-export presigns downloads (read-exports). Reconciliations
 * are jobs the same way: reconcile-stats sends them to the reconciliations queue, run-reconciliation (the one function
 * that may scan the table) consumes it, get-reconciliation reads them.
 */
export class Statistics extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof statisticsFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, statisticsFunctions, props);
    const consumer = functionNamed(this.functions, queues.exports.consumer, 'Queue exports');
    consume(props.connections.queues.exports, 'exports', consumer, exportConsumerConcurrency);
    const reconciler = functionNamed(this.functions, queues.reconciliations.consumer, 'Queue reconciliations');
    consume(props.connections.queues.reconciliations, 'reconciliations', reconciler, reconciliationConsumerConcurrency);
  }
}
