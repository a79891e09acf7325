import { ulid } from 'ulid';
import { adjustCounters, scanCasesAndCounters } from '#cases/services/records.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { reconcileRequestSchema } from '#statistics/domain/query.ts';
import { type CounterDifference, CounterTally, repairsOf } from '#statistics/domain/reconciliation.ts';
import { putReconciliation } from '#statistics/store/reconciliations.ts';

export interface Reconciliation {
  readonly id: string;
  readonly at: string;
  readonly casesRead: number;
  readonly countersRead: number;
  /** Items the scan read, and the read capacity it used (DynamoDB's own figure). */
  readonly itemsScanned: number;
  readonly capacityUnits: number;
  readonly differences: readonly CounterDifference[];
  /** Whether the differences were repaired (each counter set to its recount), and why. */
  readonly repaired: boolean;
  readonly reason?: string;
}

/** Shown at most: the rest are counted in the record. */
const differencesShown = 1_000;

/**
 * Recounts every counter from the cases themselves (a parallel Scan of the table, summed page by page: memory holds
 * the sums, not the cases) and reports every counter that differs —
 * unit, bucket (received day, finished day or open), figure, stored and recounted value. With `repair`, adds to each
 * differing counter what brings it to its recount; who and why is recorded either way. A case changed while the scan
 * runs may show as a difference that is none: run the repair when the figures are quiet, and check again after it.
 */
export const reconcile = async (body: unknown, principal: Principal): Promise<Reconciliation> => {
  requireRole(principal, ['admin', 'supervisor'], '只有管理员和督办人员可以核对统计');
  const input = parseWith(reconcileRequestSchema, body);
  if (input.repair) requireRole(principal, ['admin'], '只有管理员可以修正统计');
  const stored = new CounterTally();
  const recounted = new CounterTally();
  let casesRead = 0;
  const scanned = await scanCasesAndCounters({
    case: (item) => {
      casesRead += 1;
      recounted.addCase(item);
    },
    counters: (bucket) => stored.addBucket(bucket.unitId, bucket.bucket, bucket.figures),
  });
  const differences = stored.differencesFrom(recounted);
  if (input.repair && differences.length > 0) await adjustCounters(repairsOf(differences));
  const record = {
    id: ulid(),
    at: now().toISOString(),
    by: principal.username,
    casesRead,
    countersRead: stored.bucketCount,
    differences: differences.length,
    repaired: input.repair && differences.length > 0,
    ...(input.reason ? { reason: input.reason } : {}),
  };
  await putReconciliation(record);
  return {
    id: record.id,
    at: record.at,
    casesRead: record.casesRead,
    countersRead: record.countersRead,
    itemsScanned: scanned.itemsRead,
    capacityUnits: scanned.capacityUnits,
    differences: differences.slice(0, differencesShown),
    repaired: record.repaired,
    ...(input.reason ? { reason: input.reason } : {}),
  };
};
