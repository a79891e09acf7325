import { now } from '#platform/clock.ts';
import type { z } from '#platform/domain/zod.ts';
import { logger } from '#platform/logger.ts';
import { ReconciliationLostError } from '#statistics/store/errors.ts';
import { claimReconciliation, completeReconciliation, failReconciliation } from '#statistics/store/reconciliations.ts';
import { failureReason, isPermanentFailure, jobMessageSchema, type RunOptions, type RunOutcome } from './job-queue.ts';
import { reconcileCounters } from './reconcile.ts';

/** What the reconciliations queue carries: the id of a reconciliation to run. */
export const reconciliationMessageSchema = jobMessageSchema('reconciliation');
export type ReconciliationMessage = z.output<typeof reconciliationMessageSchema>;

/**
 * Runs reconciliation `id` from the reconciliations queue: takes the job (conditionally: a job already done or failed
 * is left as it is, so a redelivered message recounts and repairs nothing; one another worker holds is left to it),
 * recounts (and, if asked, repairs) the counters, and marks the job done with what it found. A failure no retry can
 * cure fails the job at once; any other is thrown, for SQS to deliver the message again, and fails the job on the
 * last delivery.
 */
export const runReconciliation = async (message: { readonly id: string }, options: RunOptions): Promise<RunOutcome> => {
  const startedAt = now();
  const claim = await claimReconciliation(message.id, startedAt, new Date(startedAt.getTime() + options.leaseMs));
  if (!claim.taken) {
    logger.info('reconciliation already finished', { id: message.id, status: claim.job.status });
    return 'already-finished';
  }
  const { job } = claim;
  try {
    const result = await reconcileCounters(job);
    await completeReconciliation(job.id, job.attempt, result, now());
    logger.info('reconciliation done', {
      id: job.id,
      attempt: job.attempt,
      casesRead: result.casesRead,
      differences: result.differencesFound,
      enforcementDifferences: result.enforcement.differencesFound,
      repaired: result.repaired,
      by: job.requestedBy.username,
      ...(job.reason ? { reason: job.reason } : {}),
    });
    return 'done';
  } catch (error) {
    if (error instanceof ReconciliationLostError) throw error;
    const permanent = isPermanentFailure(error);
    if (permanent || options.lastDelivery) {
      await failReconciliation(job.id, { attempt: job.attempt }, failureReason(error, '核对'), now());
    }
    if (permanent) {
      logger.warn('reconciliation failed', { id: job.id, error });
      return 'failed';
    }
    throw error;
  }
};
