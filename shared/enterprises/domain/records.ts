/** What an enterprise keeps of its record: violations, positive-list steps, a flag for re-grading (`violations.ts`, `positive-list.ts`). */

/** A substantiated violation on record: a complaint closed as substantiated (or an inspection finding). */
export interface Violation {
  readonly at: string;
  readonly source: 'complaint' | 'inspection';
  readonly caseId: string;
  readonly number: string;
  readonly substantiated: 'yes' | 'partly';
  readonly serious: boolean;
}

/** One step of a firm's positive-list history. */
export interface PositiveListChange {
  readonly at: string;
  readonly by: string;
  readonly action: 'enter' | 'remove';
  readonly reason: string;
  readonly rulesVersion: number;
  readonly serious?: boolean;
  /** After a serious violation: the first day it may enter again (`YYYY-MM-DD`, Asia/Shanghai). */
  readonly barredUntil?: string;
}

/** Marked for re-assessment (待重新评级): a substantiated complaint against a firm graded A or B; cleared by the next published grade. */
export interface RegradeFlag {
  readonly since: string;
  readonly caseId: string;
  readonly number: string;
  readonly reason: string;
}
