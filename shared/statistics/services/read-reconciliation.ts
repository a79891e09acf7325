import { requireRole } from '#directory/domain/roles.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import {
  type ReconciliationView,
  reconciliationAsSeen,
  reconciliationView,
} from '#statistics/domain/reconciliation-job.ts';
import { getReconciliation } from '#statistics/store/reconciliations.ts';

/**
 * A reconciliation: its status, and once done what it found (and repaired), or why it failed. Any administrator or
 * supervisor may read any reconciliation, not only its requester's: a reconciliation covers the whole bureau's
 * counters (what it lists is no one official's scope), and those who may ask for one should see what the others found
 * and repaired.
 */
export const readReconciliation = async (id: string, principal: Principal): Promise<ReconciliationView> => {
  requireRole(principal, ['admin', 'supervisor'], '只有管理员和督办人员可以查看统计核对');
  return reconciliationView(reconciliationAsSeen(await getReconciliation(id), now()));
};
