import { ulid } from 'ulid';
import { requireEnterprise } from '#enterprises/services/grades.ts';
import {
  assessmentRoles,
  draftAssessment,
  newAssessmentSchema,
  requireAssessmentRole,
} from '#grading/domain/assessment.ts';
import { saveAssessment } from '#grading/store/assessments.ts';
import { attachUploads } from '#intake/services/attachments.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { type AssessmentView, assessmentView } from './assessment-view.ts';
import { schemeForAssessment } from './schemes.ts';

/**
 * Starts an assessment of a registered enterprise under an industry's scheme (the version in force unless one is
 * named), with whatever answers and evidence are at hand; the grade is computed from them at once.
 */
export const createAssessment = async (body: unknown, principal: Principal): Promise<AssessmentView> => {
  requireAssessmentRole(principal, assessmentRoles.prepare, '只有承办人和系统管理员可以填写绩效分级评定');
  const input = parseWith(newAssessmentSchema, body);
  const [enterprise, scheme] = await Promise.all([
    requireEnterprise(input.uscc),
    schemeForAssessment(input.industry, input.schemeVersion),
  ]);
  const attachments = await attachUploads(input.attachments);
  const assessment = draftAssessment({
    id: ulid(),
    uscc: enterprise.uscc,
    enterpriseName: enterprise.name,
    scheme,
    values: input.values,
    attachments,
    ...(input.note ? { note: input.note } : {}),
    by: principal.username,
    at: now().toISOString(),
  });
  return assessmentView(await saveAssessment(undefined, assessment), principal);
};
