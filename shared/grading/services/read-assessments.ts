import { requireRole } from '#directory/domain/roles.ts';
import type { Assessment } from '#grading/domain/assessment.ts';
import { assessmentListQuerySchema } from '#grading/domain/requests.ts';
import { getAssessment, listAssessments } from '#grading/store/assessments.ts';
import { AssessmentNotFoundError } from '#grading/store/errors.ts';
import { ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { type AssessmentView, assessmentView } from './assessment-view.ts';

const readers = ['operator', 'dispatcher', 'handler', 'lead', 'supervisor', 'admin'] as const;

/** The assessment (404 when there is none), for a service that changes it. */
export const requireAssessment = async (id: string): Promise<Assessment> => {
  const assessment = await getAssessment(id);
  if (!assessment) throw new AssessmentNotFoundError(`评定 ${id} 不存在`);
  return assessment;
};

export const readAssessment = async (id: string, principal: Principal): Promise<AssessmentView> => {
  requireRole(principal, readers, '无权查看绩效分级评定');
  return assessmentView(await requireAssessment(id), principal);
};

export interface AssessmentList {
  readonly items: readonly AssessmentView[];
  readonly nextCursor?: string;
}

const decodeCursor = (cursor: string): Record<string, unknown> => {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof key === 'object' && key !== null && Object.values(key).every((value) => typeof value === 'string')) {
      return key as Record<string, unknown>;
    }
  } catch {
    // Not a cursor this service made: answered below.
  }
  throw new ValidationError([{ path: 'cursor', message: '无效的分页游标' }]);
};

/**
 * An enterprise's assessments, newest first — every result stays readable after a newer one is published — or the
 * assessments in a status (the review queue).
 */
export const listAssessmentsOf = async (query: unknown, principal: Principal): Promise<AssessmentList> => {
  requireRole(principal, readers, '无权查看绩效分级评定');
  const { uscc, status, limit, cursor } = parseWith(assessmentListQuerySchema, query);
  const page = await listAssessments(
    uscc !== undefined ? { uscc } : { status: status as NonNullable<typeof status> },
    limit,
    cursor === undefined ? undefined : decodeCursor(cursor),
  );
  return {
    items: page.items.map((assessment) => assessmentView(assessment, principal)),
    ...(page.after ? { nextCursor: Buffer.from(JSON.stringify(page.after), 'utf8').toString('base64url') } : {}),
  };
};
