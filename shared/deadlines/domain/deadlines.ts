/**
 * Deadlines, progress colours and escalation of a case (限时办结, 四色管理). Pure: the clock, the policy set and the
 * calendar are inputs.
 *
 * Colours: blue on track; yellow inside the warning window before a deadline; red overdue; green finished (marked
 * late when it finished after its deadline). Escalation of a red clock: a reminder notice (催办) on the first working
 * day after the deadline, a supervision notice (督办) five working days after that.
 */

import { type Case, type CaseEvent, isFinishedState } from '#cases/domain/case.ts';
import { bureauYear, startOfBureauDay, yearOf } from '#platform/domain/time.ts';
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

/** The policies a case may be governed by: enough to know its limits (returns, extensions), not its dates. */
export interface PolicyContext {
  /** The policies in force: a case without deadlines yet starts under them. */
  readonly policySet: PolicySet;
  /** Earlier versions, for cases that started under them: a case keeps its version's periods and limits. */
  readonly earlierPolicySets?: readonly PolicySet[];
}

export interface TimeContext extends PolicyContext {
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
  band: item.rectification?.band,
});

const policySetOf = (version: number, context: PolicyContext): PolicySet => {
  const set =
    version === context.policySet.version
      ? context.policySet
      : context.earlierPolicySets?.find((candidate) => candidate.version === version);
  // The services load every version a case can name; a missing one is a defect, not the caller's mistake.
  if (!set) throw new Error(`time-limit policy version ${version} is not in the time context`);
  return set;
};

/** A policy with the version of the policy set it was read from: what computes a clock, and what the clock records. */
export interface GoverningPolicy {
  readonly policy: TimeLimitPolicy;
  readonly version: number;
}

/**
 * The policy that governs `item`, with its set's version: the one recorded with its deadlines, in the version
 * recorded (a later version does not change a case's periods or limits); for a case without deadlines yet, the policy
 * in force that fits it.
 */
export const governingPolicy = (item: Case, context: PolicyContext): GoverningPolicy => {
  const recorded = item.timeLimits;
  if (!recorded)
    return { policy: choosePolicy(context.policySet, subjectOf(item)), version: context.policySet.version };
  const set = policySetOf(recorded.policyVersion, context);
  const policy = set.policies.find((each) => each.id === recorded.policyId) ?? choosePolicy(set, subjectOf(item));
  return { policy, version: set.version };
};

/** The policy that governs `item` ({@link governingPolicy} without the version). */
export const casePolicy = (item: Case, context: PolicyContext): TimeLimitPolicy =>
  governingPolicy(item, context).policy;

const union = (...lists: readonly (readonly number[])[]): number[] => [...new Set(lists.flat())].sort((a, b) => a - b);

/** The reminder (催办) and supervision (督办) days of a deadline, and the years without data that counting them needed. */
const escalationTimes = (dueAt: string, dueDate: string, calendar: WorkingCalendar) => {
  const lastMoment = new Date(new Date(dueAt).getTime() - 1);
  const reminder = computeDeadline(lastMoment, workingDays(1), calendar);
  const supervision = computeDeadline(new Date(startOfDay(reminder.dueDate)), workingDays(5), calendar);
  return {
    times: {
      reminderAt: startOfDay(reminder.dueDate > dueDate ? reminder.dueDate : dueDate),
      supervisionAt: startOfDay(supervision.dueDate),
    },
    missing: union(reminder.missingCalendarYears, supervision.missingCalendarYears),
  };
};

/** A clock for `step` from `start` under `governing`, with its warning window and escalation times. */
export const startClock = (
  start: Date,
  step: PolicyStep,
  governing: GoverningPolicy,
  calendar: WorkingCalendar,
): CaseClock => {
  const computed = computeDeadline(start, step, calendar);
  return clockFor(start.toISOString(), computed.dueAt, computed.dueDate, governing, calendar, {
    missing: computed.missingCalendarYears,
  });
};

const clockFor = (
  startedAt: string,
  dueAt: string,
  dueDate: string,
  { policy, version }: GoverningPolicy,
  calendar: WorkingCalendar,
  extra: { missing: readonly number[]; extendedDays?: number },
): CaseClock => {
  const period = new Date(dueAt).getTime() - new Date(startedAt).getTime();
  const window = Math.max(period * policy.warning.fraction, policy.warning.minimumDays * dayMs);
  const warnFrom = new Date(Math.max(new Date(startedAt).getTime(), new Date(dueAt).getTime() - window));
  const escalation = escalationTimes(dueAt, dueDate, calendar);
  const missing = union(extra.missing, escalation.missing);
  return {
    policyId: policy.id,
    policyVersion: version,
    startedAt,
    dueAt,
    dueDate,
    warnFrom: warnFrom.toISOString(),
    ...(missing.length > 0 ? { missingCalendarYears: missing } : {}),
    ...(extra.extendedDays ? { extendedDays: extra.extendedDays } : {}),
    ...escalation.times,
  };
};

/**
 * Extends a clock by `days` calendar days from its current last day (the Civil Code rule applies again). The years the
 * current last day needed stay flagged; those only its reminder and supervision days needed (after that last day's
 * year) are counted afresh from the new last day.
 */
export const extendClock = (
  clock: CaseClock,
  days: number,
  governing: GoverningPolicy,
  calendar: WorkingCalendar,
): CaseClock => {
  const computed = computeDeadline(
    new Date(new Date(clock.dueAt).getTime() - 1),
    { amount: days, unit: 'calendar-days', startsNextDay: true, rollsOverHolidays: true },
    calendar,
  );
  const neededByLastDay = (clock.missingCalendarYears ?? []).filter((year) => year <= yearOf(clock.dueDate));
  return clockFor(clock.startedAt, computed.dueAt, computed.dueDate, governing, calendar, {
    missing: union(neededByLastDay, computed.missingCalendarYears),
    extendedDays: (clock.extendedDays ?? 0) + days,
  });
};

/** Years without calendar data that any of `clocks` needed, in order. */
const missingYearsOf = (clocks: Readonly<Partial<Record<ClockName, CaseClock>>>): number[] =>
  union(...Object.values(clocks).map((clock) => clock?.missingCalendarYears ?? []));

const isFinished = (item: Case) => isFinishedState(item.state);

/**
 * `nextCheckAt` of a case the nightly check must look at on its next run whatever its deadlines say: one without the
 * deadlines its state needs (old data), or one newly flagged for a year without calendar data (the check notes the gap,
 * so that entering the year finds the case).
 */
const atTheNextCheck = new Date(0).toISOString();

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
  if (running.length === 0) return (activeClocks[item.state] ?? []).length > 0 ? atTheNextCheck : undefined;
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
 * policy is the one the case started with, in its version ({@link governingPolicy}): a changed policy moves no
 * deadline and starts no clock of an existing case differently. Each clock records the policy and version that
 * computed it.
 */
export const applyTimeLimits = (
  before: Case | undefined,
  after: Case,
  now: Date,
  context: TimeContext,
  change?: { extensionDays?: number },
): Case => {
  const governing = governingPolicy(after, context);
  const existing = after.timeLimits;
  const limits: CaseTimeLimits = existing ?? {
    policyId: governing.policy.id,
    policyVersion: governing.version,
    clocks: {},
  };
  const clocks: Partial<Record<ClockName, CaseClock>> = { ...limits.clocks };
  const start = (name: ClockName, from: Date) => {
    const step = stepOf(governing.policy, name);
    if (step) clocks[name] = startClock(from, step, governing, context.calendar);
  };
  const entered = (state: Case['state']) => after.state === state && before?.state !== state;

  if (!before) start('accept', new Date(after.receivedAt));
  if (entered('accepted')) start('finish', now);
  if (entered('assigned')) start('sign', now);
  if (entered('review-requested')) start('review', now);
  if (before?.state === 'review-requested' && after.state === 'in-progress') start('finish', now);
  // Reopened straight from a finished state (a rectification problem whose look-back found it rebounded): a new period.
  if (before && isFinished(before) && after.state === 'in-progress') start('finish', now);
  if (change?.extensionDays && clocks.finish) {
    clocks.finish = extendClock(clocks.finish, change.extensionDays, governing, context.calendar);
  }
  for (const name of activeClocks[after.state] ?? []) {
    if (!clocks[name]) start(name, now);
  }

  const timed: Case = { ...after, timeLimits: { ...limits, clocks } };
  const finishedNow = isFinished(after) && before && !isFinished(before);
  const { nextCheckAt: _previous, calendarMissingYears: _flaggedBefore, ...rest } = timed;
  const missing = missingYearsOf(clocks);
  const newlyMissing = missing.some((year) => !(before?.calendarMissingYears ?? []).includes(year));
  // A look-in the check still owes (a gap to note) is not put off by a transition before it ran.
  const owed = before?.nextCheckAt === atTheNextCheck;
  const next = !isFinished(timed) && (newlyMissing || owed) ? atTheNextCheck : nextCheckAt(timed, now);
  return {
    ...rest,
    colour: caseColour(timed, now),
    ...(finishedNow ? { late: finishedLate(before, now) } : {}),
    ...(next ? { nextCheckAt: next } : {}),
    ...(missing.length > 0 ? { calendarMissingYears: missing } : {}),
  };
};

/** Years `after` is flagged for that `before` was not (all of its flags for a new case). */
export const newlyMissingYears = (before: Case | undefined, after: Case): number[] =>
  (after.calendarMissingYears ?? []).filter((year) => !(before?.calendarMissingYears ?? []).includes(year));

/**
 * The `calendar-missing` events of a change: one for each year a deadline of `after` needs without calendar data that
 * `before` did not. Each event's id names its case and year, so the administrators' email — sent once per event and
 * recipient — goes out once per case and year, however often the gap is raised.
 */
export const calendarMissingEvents = (
  before: Case | undefined,
  after: Case,
  at: string,
  sequence?: number,
): CaseEvent[] =>
  newlyMissingYears(before, after).map((year) => ({
    id: `calendar-missing:${after.id}:${year}`,
    type: 'calendar-missing',
    caseId: after.id,
    occurredAt: at,
    ...(sequence ? { sequence } : {}),
    calendarYears: [year],
  }));

/** The years a flagged open case must be found under once their calendar is known (a finished case: none). */
export const calendarGapYears = (item: Case): readonly number[] =>
  isFinished(item) ? [] : (item.calendarMissingYears ?? []);

/**
 * The years the calendar must hold to recompute the clocks of `item`: from the year the earliest started to the year
 * after its latest supervision day or flagged year (a recomputed deadline can move a little later).
 */
export const calendarYearsFor = (item: Case): number[] => {
  const clocks = Object.values(item.timeLimits?.clocks ?? {}).filter((clock) => clock !== undefined);
  if (clocks.length === 0) return [];
  const first = Math.min(...clocks.map((clock) => bureauYear(new Date(clock.startedAt))));
  const last = Math.max(
    ...clocks.map((clock) => bureauYear(new Date(clock.supervisionAt ?? clock.dueAt))),
    ...(item.calendarMissingYears ?? []),
  );
  return Array.from({ length: last + 1 - first + 1 }, (_, index) => first + index);
};

/** What entering a missing year changed of a case's deadlines. */
export interface Recomputed {
  /** The case with the recomputed clocks and flags; colour and `nextCheckAt` are left to {@link checkCase}. */
  readonly case: Case;
  /** The flagged years the calendar now has. */
  readonly entered: readonly number[];
  /** Each recomputed clock's last day before and after. */
  readonly clocks: Readonly<Partial<Record<ClockName, { readonly from: string; readonly to: string }>>>;
}

/** The policy that computed `clock`, as it recorded; a clock from before clocks recorded it: the case's. */
const clockPolicy = (clock: CaseClock, item: Case, context: TimeContext): GoverningPolicy => {
  if (clock.policyId === undefined || clock.policyVersion === undefined) return governingPolicy(item, context);
  const policy = policySetOf(clock.policyVersion, context).policies.find((each) => each.id === clock.policyId);
  return policy ? { policy, version: clock.policyVersion } : governingPolicy(item, context);
};

/**
 * Recomputes every clock of an open case that was flagged for a year the calendar of `context` now has, from the same
 * start, by the same policy and version, with the same extension days: the deadline, warning start and escalation
 * days it would have had if the year had been known. Reminders and supervision notices already raised stay raised.
 * Clocks flagged only for years still unknown, and finished cases (whose deadlines were judged when they finished),
 * are left as they are.
 */
export const recomputeEnteredYears = (item: Case, context: TimeContext): Recomputed => {
  const entered = calendarGapYears(item).filter((year) => context.calendar.hasYear(year));
  if (entered.length === 0 || !item.timeLimits) return { case: item, entered: [], clocks: {} };
  const clocks: Partial<Record<ClockName, CaseClock>> = { ...item.timeLimits.clocks };
  const changed: Partial<Record<ClockName, { from: string; to: string }>> = {};
  for (const [name, clock] of Object.entries(item.timeLimits.clocks) as [ClockName, CaseClock | undefined][]) {
    if (!clock?.missingCalendarYears?.some((year) => entered.includes(year))) continue;
    const governing = clockPolicy(clock, item, context);
    const step = stepOf(governing.policy, name);
    if (!step) continue;
    const base = startClock(new Date(clock.startedAt), step, governing, context.calendar);
    const fresh = clock.extendedDays ? extendClock(base, clock.extendedDays, governing, context.calendar) : base;
    clocks[name] = {
      ...fresh,
      ...(clock.reminded ? { reminded: true } : {}),
      ...(clock.supervised ? { supervised: true } : {}),
    };
    changed[name] = { from: clock.dueDate, to: fresh.dueDate };
  }
  const { calendarMissingYears: _flagged, ...rest } = item;
  const missing = missingYearsOf(clocks);
  return {
    case: {
      ...rest,
      timeLimits: { ...item.timeLimits, clocks },
      ...(missing.length > 0 ? { calendarMissingYears: missing } : {}),
    },
    entered,
    clocks: changed,
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
