import { adjustCounters, scanCasesAndCounters } from '#cases/services/records.ts';
import { CounterTally, repairsOf } from '#statistics/domain/reconciliation.ts';
import {
  type ReconciliationJob,
  type ReconciliationResult,
  shownDifferences,
} from '#statistics/domain/reconciliation-job.ts';
import { recountEnforcement, repairEnforcement } from './reconcile-enforcement.ts';

/**
 * Recounts every counter from the cases themselves (a parallel Scan of the table, summed page by page: memory holds
 * the sums, not the cases) and reports every counter that differs —
 * unit, bucket (received day, finished day or open), figure, stored and recounted value. With `repair`, adds to each
 * differing counter what brings it to its recount. A case changed while the scan runs may show as a difference that
 * is none: run the repair when the figures are quiet, and check again after it.
 * The enforcement counters are recounted alongside from the inspection and enforcement records (reconcile-enforcement.ts)
 * and repaired the same way.
 *
 * A function of the job (services/run-reconciliation.ts runs it from the reconciliations queue): who may check or
 * repair was decided when the job was asked for. Run again — a worker that died after repairing — it finds what its
 * repair left, so nothing is repaired twice.
 */
export const reconcileCounters = async (
  job: Pick<ReconciliationJob, 'repair' | 'requestedBy'>,
): Promise<ReconciliationResult> => {
  const stored = new CounterTally();
  const recounted = new CounterTally();
  let casesRead = 0;
  const [scanned, enforcement] = await Promise.all([
    scanCasesAndCounters({
      case: (item) => {
        casesRead += 1;
        recounted.addCase(item);
      },
      counters: (bucket) => stored.addBucket(bucket.unitId, bucket.bucket, bucket.figures),
    }),
    recountEnforcement(job.requestedBy),
  ]);
  const differences = stored.differencesFrom(recounted);
  if (job.repair && differences.length > 0) await adjustCounters(repairsOf(differences));
  if (job.repair && enforcement.differences.length > 0) await repairEnforcement(enforcement.differences);
  return {
    casesRead,
    countersRead: stored.bucketCount,
    itemsScanned: scanned.itemsRead,
    capacityUnits: scanned.capacityUnits,
    differences: shownDifferences(differences),
    differencesFound: differences.length,
    enforcement: {
      ...enforcement,
      differences: shownDifferences(enforcement.differences),
      differencesFound: enforcement.differences.length,
    },
    repaired: job.repair && (differences.length > 0 || enforcement.differences.length > 0),
  };
};
