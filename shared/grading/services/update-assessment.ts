import {
  assessmentChangeSchema,
  assessmentRoles,
  changeAssessment,
  requireAssessmentRole,
} from '#grading/domain/assessment.ts';
import { saveAssessment } from '#grading/store/assessments.ts';
import { attachUploads } from '#intake/services/attachments.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { type AssessmentView, assessmentView } from './assessment-view.ts';
import { requireAssessment } from './read-assessments.ts';
import { schemeForAssessment } from './schemes.ts';

/** Changes the answers, evidence or note of a draft or returned assessment; the grade is computed again. */
export const updateAssessment = async (id: string, body: unknown, principal: Principal): Promise<AssessmentView> => {
  requireAssessmentRole(principal, assessmentRoles.prepare, '只有承办人和系统管理员可以填写绩效分级评定');
  const change = parseWith(assessmentChangeSchema, body);
  const before = await requireAssessment(id);
  const scheme = await schemeForAssessment(before.industry, before.schemeVersion);
  const { attachments: refs, ...rest } = change;
  const after = changeAssessment(
    before,
    { ...rest, ...(refs ? { attachments: await attachUploads(refs) } : {}) },
    scheme,
    principal.username,
    now().toISOString(),
  );
  return assessmentView(await saveAssessment(before, after), principal);
};
