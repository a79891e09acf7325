import { ForbiddenError } from '#domain/errors.ts';
import type { Principal } from '#domain/roles.ts';
import { scopeUnitIds } from '#domain/workflow.ts';
import { type CaseWithHistory, getCaseWithHistory } from '#persistence/cases.ts';

/** A case with its history, if it lies within the caller's org-unit scope. */
export const readCase = async (id: string, principal: Principal): Promise<CaseWithHistory> => {
  const found = await getCaseWithHistory(id);
  if (!scopeUnitIds(found.case).includes(principal.unitId)) {
    throw new ForbiddenError('该事项不在您所在单位的管辖范围内');
  }
  return found;
};
