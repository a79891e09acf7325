import { scopeUnitIds } from '#cases/domain/workflow.ts';
import { getCase } from '#cases/services/records.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { isInScope } from '#directory/domain/scope.ts';
import { now } from '#platform/clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { invalidateSurvey, invalidationSchema, type Survey } from '#surveys/domain/survey.ts';
import { findSurvey, listCaseSurveys, saveSurvey } from '#surveys/store/surveys.ts';

/** The surveys of a case an official may see: its complainant's, and those rating its result. */
export const surveysOfCase = async (caseId: string, principal: Principal): Promise<Survey[]> => {
  const item = await getCase(caseId);
  if (!isInScope(scopeUnitIds(item), principal)) throw new ForbiddenError('该事项不在您的职责范围内');
  return listCaseSurveys(caseId);
};

/**
 * A supervisor judges an answer invalid, with a written reason kept in the survey's history: it leaves the evaluated
 * figures and is shown among the excluded.
 */
export const invalidateCaseSurvey = async (
  caseId: string,
  surveyId: string,
  body: unknown,
  principal: Principal,
): Promise<Survey> => {
  requireRole(principal, ['supervisor'], '只有督办人员可以判定评价无效');
  const input = parseWith(invalidationSchema, body);
  const survey = await findSurvey(surveyId);
  if (!survey || (survey.caseId !== caseId && survey.resultCaseId !== caseId)) throw new NotFoundError('回访不存在');
  if (!survey.unitPath.includes(principal.unitId)) throw new ForbiddenError('该回访不在您的职责范围内');
  if (input.version !== survey.version) {
    throw new ConflictError(
      `回访已被他人更新（当前版本 ${survey.version}，您看到的是版本 ${input.version}），请刷新后重试`,
    );
  }
  const after = invalidateSurvey(survey, input.reason, principal.username, now());
  await saveSurvey(survey, after);
  return after;
};
