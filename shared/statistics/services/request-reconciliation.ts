import { ulid } from 'ulid';
import { requireRole } from '#directory/domain/roles.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { logger } from '#platform/logger.ts';
import { reconcileRequestSchema } from '#statistics/domain/query.ts';
import {
  type ReconciliationJob,
  type ReconciliationView,
  reconciliationView,
} from '#statistics/domain/reconciliation-job.ts';
import { createReconciliation, failReconciliation } from '#statistics/store/reconciliations.ts';
import { sendJobMessage } from './job-queue.ts';
import type { ReconciliationMessage } from './run-reconciliation.ts';

/**
 * Asks for a reconciliation of the statistics counters (services/reconcile.ts), run by the worker
 * (services/run-reconciliation.ts) from the reconciliations queue, so that however large the table, no API request
 * waits for the scan. Who may do what is checked now, not in the worker: supervisors and administrators may check,
 * only administrators repair, and a repair must say why.
 */
export const requestReconciliation = async (body: unknown, principal: Principal): Promise<ReconciliationView> => {
  requireRole(principal, ['admin', 'supervisor'], '只有管理员和督办人员可以核对统计');
  const input = parseWith(reconcileRequestSchema, body);
  if (input.repair) requireRole(principal, ['admin'], '只有管理员可以修正统计');
  const requestedAt = now();
  const job: ReconciliationJob = {
    id: ulid(requestedAt.getTime()),
    status: 'queued',
    requestedAt: requestedAt.toISOString(),
    requestedBy: { username: principal.username, roles: principal.roles, unitId: principal.unitId },
    repair: input.repair,
    ...(input.reason ? { reason: input.reason } : {}),
    attempt: 0,
  };
  await createReconciliation(job);
  try {
    await sendJobMessage('reconciliations', { type: 'reconciliation', id: job.id } satisfies ReconciliationMessage);
  } catch (error) {
    // No worker would ever take the job: record it as failed, and answer 500.
    logger.error('reconciliation not queued', { id: job.id, error });
    await failReconciliation(job.id, 'queued', '核对任务未能排队，请重新申请', requestedAt).catch(() => undefined);
    throw error;
  }
  logger.info('reconciliation queued', { id: job.id, repair: job.repair, by: principal.username });
  return reconciliationView(job);
};
