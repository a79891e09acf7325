import { type Assessment, type AssessmentAction, allowedAssessmentActions } from '#grading/domain/assessment.ts';
import type { Principal } from '#platform/domain/principal.ts';

/** An assessment as the API answers it: with the actions the caller may take on it now. */
export interface AssessmentView extends Assessment {
  readonly allowedActions: readonly AssessmentAction[];
}

export const assessmentView = (assessment: Assessment, principal: Principal): AssessmentView => ({
  ...assessment,
  allowedActions: allowedAssessmentActions(assessment, principal),
});
