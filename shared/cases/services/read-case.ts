import { type ActionName, allowedActions, scopeUnitIds } from '#cases/domain/workflow.ts';
import { listPersonalDataAccess, type PersonalDataAccess } from '#cases/store/access-log.ts';
import { type CaseWithHistory, getCase, getCaseWithHistory } from '#cases/store/cases.ts';
import { loadPolicyContext } from '#deadlines/services/policy-context.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { requireInScope } from '#directory/domain/scope.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';

/**
 * A case with its history, if it lies within the caller's org-unit scope, and the actions the caller may take on it
 * now (the case's policy decides how many returns and extensions it allows).
 */
export const readCase = async (
  id: string,
  principal: Principal,
): Promise<CaseWithHistory & { readonly allowedActions: ActionName[] }> => {
  const at = now();
  const [found, time] = await Promise.all([getCaseWithHistory(id), loadPolicyContext()]);
  checkScope(found.case, principal);
  return { ...found, allowedActions: allowedActions(found.case, principal, { now: at, time }) };
};

const checkScope = (item: CaseWithHistory['case'], principal: Principal) => {
  requireInScope(scopeUnitIds(item), principal);
};

/** Who read the complainant's personal data, when and why: for supervisors and administrators in scope. */
export const readAccessLog = async (id: string, principal: Principal): Promise<PersonalDataAccess[]> => {
  requireRole(principal, ['supervisor', 'admin'], '只有督办人员或系统管理员可以查看个人信息访问记录');
  checkScope(await getCase(id), principal);
  return listPersonalDataAccess(id);
};
