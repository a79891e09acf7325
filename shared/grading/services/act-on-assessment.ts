import { ulid } from 'ulid';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import { EnterpriseCompanionConflictError, recordPublishedGrade } from '#enterprises/services/grades.ts';
import { type AssessmentAction, actOnAssessment, assessmentActionSchema } from '#grading/domain/assessment.ts';
import { assessmentPut, saveAssessment } from '#grading/store/assessments.ts';
import { AssessmentVersionConflictError } from '#grading/store/errors.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { logger } from '#platform/logger.ts';
import { type AssessmentView, assessmentView } from './assessment-view.ts';
import { settleHelpPlan } from './help-plans.ts';
import { requireAssessment } from './read-assessments.ts';
import { schemeForAssessment } from './schemes.ts';

/**
 * Submits, accepts, returns or publishes an assessment. Publishing writes the assessment and the enterprise's new grade
 * (its industry's grade, its overall grade — the lowest of its industries' — and the history step) in one transaction;
 * a grade of D then opens a help plan, one of C or better closes the open one (`help-plans.ts`).
 */
export const actOnAssessmentById = async (
  id: string,
  action: AssessmentAction,
  body: unknown,
  principal: Principal,
): Promise<AssessmentView> => {
  const input = parseWith(assessmentActionSchema, body ?? {});
  const before = await requireAssessment(id);
  const scheme = await schemeForAssessment(before.industry, before.schemeVersion);
  const after = actOnAssessment(before, action, input, scheme, principal, now().toISOString());
  if (action !== 'publish') return assessmentView(await saveAssessment(before, after), principal);
  let published: Enterprise;
  try {
    ({ after: published } = await recordPublishedGrade(
      after.uscc,
      {
        industry: after.industry,
        industryName: after.industryName,
        grade: after.publishedGrade as NonNullable<typeof after.publishedGrade>,
        assessmentId: after.id,
        schemeVersion: after.schemeVersion,
        publishedAt: after.publishedAt as string,
      },
      principal.username,
      assessmentPut(before, after),
      { caseId: ulid(), unitId: principal.unitId },
    ));
  } catch (error) {
    if (error instanceof EnterpriseCompanionConflictError) {
      throw new AssessmentVersionConflictError('评定已被他人修改，请刷新后重试', { cause: error });
    }
    throw error;
  }
  if (published.helpPlan && published.helpPlan.state !== 'open') {
    // The grade is published whatever happens here; an unsettled plan shows on the enterprise and settles next time.
    await settleHelpPlan(after.uscc).catch((error: unknown) =>
      logger.error('help plan left unsettled', { error, uscc: after.uscc, helpPlan: published.helpPlan }),
    );
  }
  return assessmentView(after, principal);
};
