/**
 * The clocks a case runs and what a case stores of them. Kept apart from the rules that compute them (`deadlines.ts`,
 * `time-limit-policies.ts`) because the case itself (`#cases/domain/case.ts`) holds these: the rules import the case,
 * the case imports only this.
 */

/** The clocks a case can run: decide on acceptance, sign for, finish, answer a review. */
export const clockNames = ['accept', 'sign', 'finish', 'review'] as const;
export type ClockName = (typeof clockNames)[number];

export const clockLabels: Readonly<Record<ClockName, string>> = {
  accept: '受理时限',
  sign: '签收时限',
  finish: '办结时限',
  review: '复核时限',
};

export type ProgressColour = 'blue' | 'yellow' | 'red' | 'green';

export interface CaseClock {
  /**
   * The policy, and the version of the policy set, whose step computed this clock (absent on clocks stored before
   * clocks recorded it: those were computed by the case's `timeLimits.policyId` in `timeLimits.policyVersion`).
   */
  readonly policyId?: string;
  readonly policyVersion?: number;
  readonly startedAt: string;
  readonly dueAt: string;
  /** The last day, `YYYY-MM-DD` in Asia/Shanghai. */
  readonly dueDate: string;
  readonly warnFrom: string;
  /**
   * Years without calendar data that this deadline or its reminder and supervision days needed: they are flagged, not
   * trusted, until the year is entered and the nightly check recomputes the clock.
   */
  readonly missingCalendarYears?: readonly number[];
  readonly extendedDays?: number;
  /** When the reminder and the supervision notice fall due once the clock is overdue. */
  readonly reminderAt?: string;
  readonly supervisionAt?: string;
  readonly reminded?: boolean;
  readonly supervised?: boolean;
}

export interface CaseTimeLimits {
  readonly policyId: string;
  readonly policyVersion: number;
  readonly clocks: Readonly<Partial<Record<ClockName, CaseClock>>>;
}
