import type { Grade } from './grades.ts';

/** One thing a help plan sets out to fix: an indicator holding the firm at its grade, and what the next grade needs. */
export interface HelpPlanAction {
  readonly indicatorId: string;
  readonly name: string;
  /** The answer that gives the grade (the option's text, or the value with its unit). */
  readonly answer?: string;
  readonly needs: string;
}

/** What a help plan (帮扶计划) is about: the enterprise, the assessment that graded it D, and what to fix. */
export interface HelpPlanDetails {
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly assessmentId: string;
  readonly industryName: string;
  readonly grade: Grade;
  /** The grade to reach: C in every scheme's order of grades above D. */
  readonly targetGrade: Grade;
  readonly actions: readonly HelpPlanAction[];
}
