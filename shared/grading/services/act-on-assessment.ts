import { ulid } from 'ulid';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import { EnterpriseCompanionConflictError, recordPublishedGrade } from '#enterprises/services/grades.ts';
import {
  type Assessment,
  type AssessmentAction,
  actOnAssessment,
  assessmentActionSchema,
} from '#grading/domain/assessment.ts';
import { notifiedAssessmentActions } from '#grading/notices.ts';
import { assessmentPut, saveAssessment } from '#grading/store/assessments.ts';
import { AssessmentVersionConflictError } from '#grading/store/errors.ts';
import { publishMessages } from '#platform/adapters/event-queues.ts';
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
  const saved = action === 'publish' ? await publish(before, after, principal) : await saveAssessment(before, after);
  await tellOfficials(saved, action, principal);
  return assessmentView(saved, principal);
};

/**
 * Emails the officials concerned by a submission, a return or a publication (`#grading/notices.ts`), through the
 * notices queue; the message id is the assessment's version, so a redelivery sends nothing twice. The step stands if
 * the queue refuses it: the failure is logged.
 */
const tellOfficials = async (assessment: Assessment, action: AssessmentAction, principal: Principal) => {
  const notified = notifiedAssessmentActions.find((each) => each === action);
  if (!notified) return;
  // The notices queue's message of an assessment step (its schema: notices/services/send-notice.ts).
  const message = {
    type: 'assessment',
    id: `assessment:${assessment.id}:${assessment.version}`,
    assessmentId: assessment.id,
    action: notified,
    unitId: principal.unitId,
    occurredAt: assessment.updatedAt,
  };
  await publishMessages([message]).catch((error: unknown) =>
    logger.error('assessment notice not sent', { error, assessmentId: assessment.id }),
  );
};

/** Publishes: the assessment and the firm's grade in one transaction, then the help plan it opens or closes. */
const publish = async (before: Assessment, after: Assessment, principal: Principal): Promise<Assessment> => {
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
  return after;
};
