/**
 * Deadlines, progress colours and escalation of a case (限时办结, 四色管理). Pure: the clock, the policy set and the
 * calendar are inputs.
 *
 * Colours: blue on track; yellow inside the warning window before a deadline; red overdue; green finished (marked
 * late when it finished after its deadline). Escalation of a red clock: a reminder notice (催办) on the first working
 * day after the deadline, a supervision notice (督办) five working days after that.
 */

import type { Case } from '#cases/domain/case.ts';
import { startOfBureauDay } from '#platform/domain/time.ts';
import type { WorkingCalendar } from './calendar.ts';
import type { CaseClock, CaseTimeLimits, ClockName, ProgressColour } from './clocks.ts';
import { computeDeadline, type PolicyStep } from './periods.ts';
import { activeClocks, choosePolicy, type PolicySet, type TimeLimitPolicy } from './time-limit-policies.ts';

export type { CaseClock, CaseTimeLimits, ProgressColour } from './clocks.ts';

export const colourLabels: Readonly<Record<ProgressColour, string>> = {
  blue: '蓝色（正常）',
  yellow: '黄色（临期）',
  red: '红色（超期）',
  green: '绿色（已办结）',
};

const colourRank: Readonly<Record<ProgressColour, number>> = { green: 0, blue: 1, yellow: 2, red: 3 };

export interface TimeContext {
  /** The policies in force: a case without deadlines yet starts under them. */
  readonly policySet: PolicySet;
  /** Earlier versions, for cases that started under them: a case keeps its version's periods and limits. */
  readonly earlierPolicySets?: readonly PolicySet[];
  readonly calendar: WorkingCalendar;
}

const dayMs = 86_400_000;
const workingDays = (amount: number): PolicyStep => ({
  amount,
  unit: 'working-days',
  startsNextDay: true,
  rollsOverHolidays: true,
});
const startOfDay = (date: string) => startOfBureauDay(date).toISOString();

const subjectOf = (item: Case) => ({
  kind: item.kind,
  channel: item.complaint?.channel,
  category: item.complaint?.category,
  urgency: item.complaint?.urgency,
});

const policySetOf = (version: number, context: TimeContext): PolicySet => {
  const set =
    version === context.policySet.version
      ? context.policySet
      : context.earlierPolicySets?.find((candidate) => candidate.version === version);
  // The services load every version a case can name; a missing one is a defect, not the caller's mistake.
  if (!set) throw new Error(`time-limit policy version ${version} is not in the time context`);
  return set;
};

/**
 * The policy that governs `item`: the one recorded with its deadlines, in the version recorded (a later version does
 * not change a case's periods or limits); for a case without deadlines yet, the policy in force that fits it.
 */
export const casePolicy = (item: Case, context: TimeContext): TimeLimitPolicy => {
  const recorded = item.timeLimits;
  if (!recorded) return choosePolicy(context.policySet, subjectOf(item));
  const set = policySetOf(recorded.policyVersion, context);
  return set.policies.find((policy) => policy.id === recorded.policyId) ?? choosePolicy(set, subjectOf(item));
};

const escalationTimes = (dueAt: string, dueDate: string, calendar: WorkingCalendar) => {
  const lastMoment = new Date(new Date(dueAt).getTime() - 1);
  const reminderDay = computeDeadline(lastMoment, workingDays(1), calendar).dueDate;
  const supervisionDay = computeDeadline(new Date(startOfDay(reminderDay)), workingDays(5), calendar).dueDate;
  return {
    reminderAt: startOfDay(reminderDay > dueDate ? reminderDay : dueDate),
    supervisionAt: startOfDay(supervisionDay),
  };
};

/** A clock for `step` from `start`, with its warning window and escalation times. */
export const startClock = (
  start: Date,
  step: PolicyStep,
  policy: TimeLimitPolicy,
  calendar: WorkingCalendar,
  extendedDays?: number,
): CaseClock => {
  const computed = computeDeadline(start, step, calendar);
  return clockFor(start.toISOString(), computed.dueAt, computed.dueDate, policy, calendar, {
    missing: computed.missingCalendarYears,
    ...(extendedDays ? { extendedDays } : {}),
  });
};

const clockFor = (
  startedAt: string,
  dueAt: string,
  dueDate: string,
  policy: TimeLimitPolicy,
  calendar: WorkingCalendar,
  extra: { missing: readonly number[]; extendedDays?: number },
): CaseClock => {
  const period = new Date(dueAt).getTime() - new Date(startedAt).getTime();
  const window = Math.max(period * policy.warning.fraction, policy.warning.minimumDays * dayMs);
  const warnFrom = new Date(Math.max(new Date(startedAt).getTime(), new Date(dueAt).getTime() - window));
  return {
    startedAt,
    dueAt,
    dueDate,
    warnFrom: warnFrom.toISOString(),
    ...(extra.missing.length > 0 ? { missingCalendarYears: extra.missing } : {}),
    ...(extra.extendedDays ? { extendedDays: extra.extendedDays } : {}),
    ...escalationTimes(dueAt, dueDate, calendar),
  };
};

/** Extends a clock by `days` calendar days from its current last day (the Civil Code rule applies again). */
export const extendClock = (
  clock: CaseClock,
  days: number,
  policy: TimeLimitPolicy,
  calendar: WorkingCalendar,
): CaseClock => {
  const computed = computeDeadline(
    new Date(new Date(clock.dueAt).getTime() - 1),
    { amount: days, unit: 'calendar-days', startsNextDay: true, rollsOverHolidays: true },
    calendar,
  );
  return clockFor(clock.startedAt, computed.dueAt, computed.dueDate, policy, calendar, {
    missing: [...new Set([...(clock.missingCalendarYears ?? []), ...computed.missingCalendarYears])],
    extendedDays: (clock.extendedDays ?? 0) + days,
  });
};

const isFinished = (item: Case) => ['closed', 'rejected', 'merged'].includes(item.state);

/** The colour of one clock at `now`. */
export const clockColour = (clock: CaseClock, now: Date): ProgressColour => {
  if (now.getTime() >= new Date(clock.dueAt).getTime()) return 'red';
  if (now.getTime() >= new Date(clock.warnFrom).getTime()) return 'yellow';
  return 'blue';
};

const runningClocks = (item: Case): [ClockName, CaseClock][] =>
  (activeClocks[item.state] ?? []).flatMap((name) => {
    const clock = item.timeLimits?.clocks[name];
    return clock ? [[name, clock] as [ClockName, CaseClock]] : [];
  });

/** The case's colour at `now`: the worst of its running clocks; green once finished. */
export const caseColour = (item: Case, now: Date): ProgressColour => {
  if (isFinished(item)) return 'green';
  return runningClocks(item).reduce<ProgressColour>(
    (worst, [, clock]) => (colourRank[clockColour(clock, now)] > colourRank[worst] ? clockColour(clock, now) : worst),
    'blue',
  );
};

/** A finished case is late when it finished after the deadline of the clock that was running. */
const finishedLate = (before: Case, finishedAt: Date): boolean =>
  runningClocks(before).some(([, clock]) => finishedAt.getTime() > new Date(clock.dueAt).getTime());

/** When the nightly check must next look at the case: its next colour change or escalation; none when finished. */
export const nextCheckAt = (item: Case, now: Date): string | undefined => {
  if (isFinished(item)) return undefined;
  const running = runningClocks(item);
  if (running.length === 0) return (activeClocks[item.state] ?? []).length > 0 ? new Date(0).toISOString() : undefined;
  const future = running
    .flatMap(([, clock]) => [
      clock.warnFrom,
      clock.dueAt,
      ...(clock.reminded || !clock.reminderAt ? [] : [clock.reminderAt]),
      ...(clock.supervised || !clock.supervisionAt ? [] : [clock.supervisionAt]),
    ])
    .filter((instant) => new Date(instant).getTime() > now.getTime())
    .sort();
  const overdueWork = running.some(
    ([, clock]) =>
      (!clock.reminded && clock.reminderAt && new Date(clock.reminderAt).getTime() <= now.getTime()) ||
      (!clock.supervised && clock.supervisionAt && new Date(clock.supervisionAt).getTime() <= now.getTime()),
  );
  return overdueWork ? now.toISOString() : future[0];
};

const stepOf = (policy: TimeLimitPolicy, clock: ClockName): PolicyStep | undefined => policy.steps[clock];

/**
 * Starts, stops and extends clocks for a transition from `before` to `after` at `now`, and sets the colour. The
 * policy is the one the case started with, in its version ({@link casePolicy}): a changed policy moves no deadline
 * and starts no clock of an existing case differently.
 */
export const applyTimeLimits = (
  before: Case | undefined,
  after: Case,
  now: Date,
  context: TimeContext,
  change?: { extensionDays?: number },
): Case => {
  const policy = casePolicy(after, context);
  const existing = after.timeLimits;
  const limits: CaseTimeLimits = existing ?? {
    policyId: policy.id,
    policyVersion: context.policySet.version,
    clocks: {},
  };
  const clocks: Partial<Record<ClockName, CaseClock>> = { ...limits.clocks };
  const start = (name: ClockName, from: Date) => {
    const step = stepOf(policy, name);
    if (step) clocks[name] = startClock(from, step, policy, context.calendar);
  };
  const entered = (state: Case['state']) => after.state === state && before?.state !== state;

  if (!before) start('accept', new Date(after.receivedAt));
  if (entered('accepted')) start('finish', now);
  if (entered('assigned')) start('sign', now);
  if (entered('review-requested')) start('review', now);
  if (before?.state === 'review-requested' && after.state === 'in-progress') start('finish', now);
  if (change?.extensionDays && clocks.finish) {
    clocks.finish = extendClock(clocks.finish, change.extensionDays, policy, context.calendar);
  }
  for (const name of activeClocks[after.state] ?? []) {
    if (!clocks[name]) start(name, now);
  }

  const timed: Case = { ...after, timeLimits: { ...limits, clocks } };
  const finishedNow = isFinished(after) && before && !isFinished(before);
  const { nextCheckAt: _previous, ...rest } = timed;
  const next = nextCheckAt(timed, now);
  const missing = [...new Set(Object.values(clocks).flatMap((clock) => clock?.missingCalendarYears ?? []))].sort();
  return {
    ...rest,
    colour: caseColour(timed, now),
    ...(finishedNow ? { late: finishedLate(before, now) } : {}),
    ...(next ? { nextCheckAt: next } : {}),
    ...(missing.length > 0 ? { calendarMissingYears: missing } : {}),
  };
};

export type DeadlineNoticeKind = 'deadline-yellow' | 'deadline-red' | 'deadline-reminder' | 'deadline-supervision';

export interface DeadlineNotice {
  readonly kind: DeadlineNoticeKind;
  readonly clock: ClockName;
  readonly dueAt: string;
}

export interface CheckResult {
  readonly case: Case;
  readonly colourChanged: boolean;
  readonly notices: readonly DeadlineNotice[];
  /** Clocks that had to be started because they were missing (old data, or a policy added later). */
  readonly filledIn: readonly ClockName[];
}

/**
 * The nightly check of one case at `now`: fills in missing clocks, recomputes the colour, and raises the notices due
 * (yellow and red on a change of colour; the reminder and the supervision notice when their day has come).
 */
export const checkCase = (item: Case, now: Date, context: TimeContext): CheckResult => {
  const missingBefore = (activeClocks[item.state] ?? []).filter((name) => !item.timeLimits?.clocks[name]);
  const filled = missingBefore.length > 0 ? applyTimeLimits(item, item, now, context) : item;
  const filledIn = missingBefore.filter((name) => filled.timeLimits?.clocks[name]);
  const colour = caseColour(filled, now);
  const notices: DeadlineNotice[] = [];
  const clocks: Partial<Record<ClockName, CaseClock>> = { ...filled.timeLimits?.clocks };
  for (const [name, clock] of runningClocks(filled)) {
    const colourOfClock = clockColour(clock, now);
    const wasColour = item.colour ?? 'blue';
    if (colourOfClock === 'red' && wasColour !== 'red')
      notices.push({ kind: 'deadline-red', clock: name, dueAt: clock.dueAt });
    if (colourOfClock === 'yellow' && colourRank[wasColour] < colourRank.yellow) {
      notices.push({ kind: 'deadline-yellow', clock: name, dueAt: clock.dueAt });
    }
    let updated = clock;
    if (!clock.reminded && clock.reminderAt && now.getTime() >= new Date(clock.reminderAt).getTime()) {
      notices.push({ kind: 'deadline-reminder', clock: name, dueAt: clock.dueAt });
      updated = { ...updated, reminded: true };
    }
    if (!clock.supervised && clock.supervisionAt && now.getTime() >= new Date(clock.supervisionAt).getTime()) {
      notices.push({ kind: 'deadline-supervision', clock: name, dueAt: clock.dueAt });
      updated = { ...updated, supervised: true };
    }
    clocks[name] = updated;
  }
  const { nextCheckAt: _previous, ...rest } = filled;
  const updated: Case = {
    ...rest,
    ...(filled.timeLimits ? { timeLimits: { ...filled.timeLimits, clocks } } : {}),
    colour,
  };
  const next = nextCheckAt(updated, now);
  const checked: Case = { ...updated, ...(next ? { nextCheckAt: next } : {}) };
  return { case: checked, colourChanged: colour !== (item.colour ?? 'blue'), notices, filledIn };
};
