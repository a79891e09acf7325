/**
 * A complaint closed as substantiated (属实 or 部分属实) against a registered firm: a violation on its record (which the
 * positive list's rules read), and, while the firm is graded A or B, a flag for re-assessment (重新评级) that the next
 * published grade clears.
 */
import type { Grade } from '#grading/domain/grades.ts';
import type { Enterprise } from './enterprise.ts';
import type { Violation } from './records.ts';

/** The grades a substantiated violation puts in doubt. */
export const regradeGrades: readonly Grade[] = ['A+', 'A', 'B', 'B-'];

/** The firm with `violation` on its record and, graded A or B and not flagged yet, flagged for re-assessment. */
export const recordViolation = (
  enterprise: Enterprise,
  violation: Violation,
  by: string,
): { readonly after: Enterprise; readonly flagged: boolean } => {
  if (enterprise.violations?.some((known) => known.caseId === violation.caseId)) {
    return { after: enterprise, flagged: false };
  }
  const flag =
    !enterprise.regrade && enterprise.grade !== undefined && regradeGrades.includes(enterprise.grade)
      ? {
          since: violation.at,
          caseId: violation.caseId,
          number: violation.number,
          reason: `${violation.number} 查实${violation.substantiated === 'partly' ? '（部分属实）' : ''}，现为 ${enterprise.grade} 级，须重新评定`,
        }
      : undefined;
  return {
    after: {
      ...enterprise,
      violations: [...(enterprise.violations ?? []), violation],
      ...(flag ? { regrade: flag } : {}),
      version: enterprise.version + 1,
      updatedAt: violation.at,
      updatedBy: by,
    },
    flagged: flag !== undefined,
  };
};
