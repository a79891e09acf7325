/**
 * Weekly progress reports (每周报送活动进展情况): when each week's report of a task is due, and what a missing one
 * looks like as the days pass. Pure: the calendar and "today" are inputs.
 *
 * A week's report is due on the campaign's due weekday (policy data, Friday by default, "各科室(单位)每周要向活动领导
 * 小组办公室报送活动进展情况"); a due day that is no working day moves to the next working day, as time limits do.
 * Missing after its due day the report is yellow; once `redAfterWorkingDays` more working days have ended it is red.
 * A report filed late turns the week filed (and says it was late).
 */
import type { WorkingCalendar } from '#deadlines/domain/calendar.ts';
import { addDays, isWeekend } from '#platform/domain/time.ts';
import { z } from '#platform/domain/zod.ts';
import { type IsoWeek, mondayOfWeek, weeksBetween } from './weeks.ts';

/** When reports are due and how long a missing one stays yellow: campaign data, these defaults unless given. */
export interface ReportingPolicy {
  /** ISO weekday the week's report is due on: 1 Monday … 7 Sunday. */
  readonly dueWeekday: number;
  /** Working days after the due day a missing report stays yellow; red once they have ended. */
  readonly redAfterWorkingDays: number;
}

export const defaultReportingPolicy: ReportingPolicy = { dueWeekday: 5, redAfterWorkingDays: 2 };

export const reportingPolicySchema = z
  .object({
    dueWeekday: z
      .int()
      .min(1)
      .max(7)
      .describe('每周报送日：1 周一 … 7 周日 / the weekday reports are due, 1 Monday … 7 Sunday'),
    redAfterWorkingDays: z
      .int()
      .min(0)
      .max(10)
      .describe('逾期未报几个工作日后转红 / working days a missing report stays yellow before it turns red'),
  })
  .strict();

/** A week the campaign's tasks report on: its due day, and the day a report still missing turns red. */
export interface ReportWeek {
  readonly week: IsoWeek;
  readonly monday: string;
  readonly dueDate: string;
  /** The first day a missing report is red. */
  readonly redFrom: string;
}

/** Whether people work on `date`; a year without calendar data counts by the weekday (a reminder is no deadline). */
const isWorking = (date: string, calendar: WorkingCalendar): boolean => calendar.isWorkingDay(date) ?? !isWeekend(date);

/** The week's due day: its due weekday, moved to the next working day when that is a holiday or a rest day. */
export const dueDateOf = (monday: string, policy: ReportingPolicy, calendar: WorkingCalendar): string => {
  let date = addDays(monday, policy.dueWeekday - 1);
  // A holiday span lasts at most some ten days; the bound only guards against a calendar without working days.
  for (let step = 0; step < 31 && !isWorking(date, calendar); step += 1) date = addDays(date, 1);
  return date;
};

/** The day after the `redAfterWorkingDays`-th working day after the due day. */
const redFromOf = (dueDate: string, policy: ReportingPolicy, calendar: WorkingCalendar): string => {
  let date = dueDate;
  for (let counted = 0, step = 0; counted < policy.redAfterWorkingDays && step < 366; step += 1) {
    date = addDays(date, 1);
    if (isWorking(date, calendar)) counted += 1;
  }
  return addDays(date, 1);
};

/** A week of the campaign, by its ISO week; undefined for a malformed week. */
export const reportWeek = (
  week: IsoWeek,
  policy: ReportingPolicy,
  calendar: WorkingCalendar,
): ReportWeek | undefined => {
  const monday = mondayOfWeek(week);
  if (!monday) return undefined;
  const dueDate = dueDateOf(monday, policy, calendar);
  return { week, monday, dueDate, redFrom: redFromOf(dueDate, policy, calendar) };
};

/**
 * The weeks a campaign running `from`–`to` reports on: those whose report falls due within the campaign. (A campaign
 * that ends on a Monday asks no report of that last week: its summary phase is over before the due day.)
 */
export const reportWeeks = (
  period: { readonly from: string; readonly to: string },
  policy: ReportingPolicy,
  calendar: WorkingCalendar,
): ReportWeek[] =>
  weeksBetween(period.from, period.to)
    .map((week) => reportWeek(week, policy, calendar))
    .filter(
      (week): week is ReportWeek => week !== undefined && week.dueDate >= period.from && week.dueDate <= period.to,
    );

/**
 * A cell of the tasks × weeks grid: `filed` (a report is there, late or not), `missing-yellow` (due and missing),
 * `missing-red` (missing beyond the grace days), `not-due` (its due day has not ended), `not-required` (the week's
 * report fell due before the task existed or after it was finished).
 */
export const cellStatuses = ['filed', 'missing-yellow', 'missing-red', 'not-due', 'not-required'] as const;
export type CellStatus = (typeof cellStatuses)[number];

export const cellStatusLabels: Readonly<Record<CellStatus, string>> = {
  filed: '已报送',
  'missing-yellow': '未报送（黄）',
  'missing-red': '未报送（红）',
  'not-due': '未到报送日',
  'not-required': '无需报送',
};

/**
 * The status of one task's report of one week on `today`.
 *
 * @example
 * // Due Friday 2014-04-25, red after 2 working days: Monday 28 yellow, Wednesday 30 red.
 * cellStatus({ week, today: '2014-04-28', startedOn: '2014-04-21' }) // 'missing-yellow'
 */
export const cellStatus = (input: {
  readonly week: ReportWeek;
  readonly today: string;
  /** The day the task was created: no report is asked for a week due before it. */
  readonly startedOn: string;
  /** The day the task was finished, if it is: no report is asked for a week due after that. */
  readonly finishedOn?: string;
  /** When a report of the week was first filed. */
  readonly filedOn?: string;
}): CellStatus => {
  const { week, today, startedOn, finishedOn, filedOn } = input;
  if (filedOn !== undefined) return 'filed';
  if (week.dueDate < startedOn || (finishedOn !== undefined && finishedOn <= week.dueDate)) return 'not-required';
  if (today <= week.dueDate) return 'not-due';
  return today >= week.redFrom ? 'missing-red' : 'missing-yellow';
};

/** Whether a report first filed on `filedOn` came after its week's due day. */
export const filedLate = (week: ReportWeek, filedOn: string): boolean => filedOn > week.dueDate;

/** A task's report status over its weeks: red or yellow when any week is, else up to date (or nothing due yet). */
export const reportStatuses = ['red', 'yellow', 'up-to-date', 'nothing-due'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportStatusLabels: Readonly<Record<ReportStatus, string>> = {
  red: '红色：逾期未报送',
  yellow: '黄色：到期未报送',
  'up-to-date': '已按周报送',
  'nothing-due': '尚无到期的周报',
};

export const reportStatusOf = (cells: readonly CellStatus[]): ReportStatus => {
  if (cells.includes('missing-red')) return 'red';
  if (cells.includes('missing-yellow')) return 'yellow';
  return cells.includes('filed') ? 'up-to-date' : 'nothing-due';
};
