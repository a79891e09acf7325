/**
 * What grading needs of the register: the enterprise an assessment is about, and recording a published grade on it —
 * the industry's grade, the overall grade (the lowest of the industries') and the history step, in one transaction
 * with the assessment that publishes it.
 */
import { applyPublishedGrade, type Enterprise, type IndustryGrade } from '#enterprises/domain/enterprise.ts';
import { afterGradeChange } from '#enterprises/domain/positive-list.ts';
import {
  type EnterpriseCompanion,
  findEntries,
  getEnterprise,
  saveEnterprise,
} from '#enterprises/store/enterprises.ts';
import { EnterpriseNotFoundError, EnterpriseVersionConflictError } from '#enterprises/store/errors.ts';
import { flagFacet } from '#enterprises/store/keys.ts';

export { type EnterpriseCompanion, enterpriseWrites } from '#enterprises/store/enterprises.ts';
export { EnterpriseCompanionConflictError, EnterpriseNotFoundError } from '#enterprises/store/errors.ts';

/** The registered enterprise of `uscc`; EnterpriseNotFoundError (404) when none is. */
export const requireEnterprise = async (uscc: string): Promise<Enterprise> => {
  const enterprise = await getEnterprise(uscc);
  if (!enterprise) throw new EnterpriseNotFoundError(`未登记统一社会信用代码为 ${uscc} 的企业，请先登记`);
  return enterprise;
};

const attempts = 3;

/**
 * Records `grade` on its enterprise (and, should it fall below the positive list's grades, its removal), with `companion` (the published assessment) in the same transaction. A concurrent
 * edit of the enterprise (its contacts, say) is retried on the fresh version; a failed condition of the companion is an
 * EnterpriseCompanionConflictError (the assessment changed meanwhile). Returns the enterprise before and after.
 */
export const recordPublishedGrade = async (
  uscc: string,
  grade: IndustryGrade,
  by: string,
  companion: EnterpriseCompanion,
  plannedHelpPlan?: { readonly caseId: string; readonly unitId: string },
): Promise<{ before: Enterprise; after: Enterprise }> => {
  for (let attempt = 1; ; attempt += 1) {
    const before = await requireEnterprise(uscc);
    const after = afterGradeChange(applyPublishedGrade(before, grade, by, plannedHelpPlan), grade.publishedAt);
    try {
      await saveEnterprise(before, after, [companion]);
      return { before, after };
    } catch (error) {
      if (!(error instanceof EnterpriseVersionConflictError) || attempt >= attempts) throw error;
    }
  }
};

/**
 * The enterprises whose help plan is still `opening` or `closing` (its case not yet stored or closed), by name after
 * the sort key `after`, at most `limit`: what the settling schedule works through.
 */
export const unsettledHelpPlans = (limit: number, after?: string) =>
  findEntries([flagFacet('help-plan-unsettled')], limit, after);
