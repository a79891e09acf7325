/**
 * Period arithmetic of time limits (限时办结): from a start instant and a policy step to a deadline.
 *
 * - Calendar days follow the Civil Code (民法典 第二百零一条、第二百零三条): a period counted in days starts the next
 *   day; a period whose last day is a statutory rest day (法定休假日: holidays, and weekend days not worked in lieu)
 *   ends on the next working day.
 * - Working days count weekdays that are not statutory holidays, plus make-up working days (调休上班).
 * - Hours are exact and need no calendar.
 *
 * Days are Asia/Shanghai calendar days. A day that has to be classified in a year the calendar has no data for is
 * classified from weekends alone — and its year is reported in `missingCalendarYears`, so the deadline is flagged and
 * never silently trusted.
 */

import { addDays, bureauDate, endOfBureauDay, isWeekend, yearOf } from '#platform/domain/time.ts';
import type { WorkingCalendar } from './calendar.ts';

export type PeriodUnit = 'calendar-days' | 'working-days' | 'hours';

export interface PolicyStep {
  readonly amount: number;
  readonly unit: PeriodUnit;
  /** The day of the start is not counted (Civil Code rule; for working days: counting starts the day after). */
  readonly startsNextDay: boolean;
  /** A calendar-day period whose last day is a rest day ends on the next working day. */
  readonly rollsOverHolidays: boolean;
}

export interface ComputedDeadline {
  /** ISO instant in UTC: the end of the last day (24:00 Asia/Shanghai = next day 00:00 +08:00, i.e. `YYYY-MM-DDT16:00:00.000Z` of the last day) for day units; start + amount hours for hours. */
  readonly dueAt: string;
  /** The last day, `YYYY-MM-DD` in Asia/Shanghai (for hours: the date of dueAt). */
  readonly dueDate: string;
  /** Years the computation needed but the calendar lacks; non-empty means the deadline is NOT trustworthy and must be flagged. */
  readonly missingCalendarYears: readonly number[];
}

const hourMs = 3_600_000;

/** No year has this many rest days in a row: more means the calendar data is broken, not that the period is long. */
const longestRestRun = 366;

/** Classifies days with the calendar, falling back to weekends for a year without data and remembering that year. */
const dayClassifier = (calendar: WorkingCalendar) => {
  const missing = new Set<number>();
  const isWorkingDay = (date: string): boolean => {
    const working = calendar.isWorkingDay(date);
    if (working !== null) return working;
    missing.add(yearOf(date));
    return !isWeekend(date);
  };
  /** `date` if it is a working day, else the first working day after it. */
  const workingDayFrom = (date: string): string => {
    let day = date;
    for (let rest = 0; !isWorkingDay(day); rest += 1) {
      if (rest >= longestRestRun) throw new RangeError(`no working day within ${longestRestRun} days of ${date}`);
      day = addDays(day, 1);
    }
    return day;
  };
  return { workingDayFrom, missingYears: () => [...missing].sort((a, b) => a - b) };
};

const checkAmount = (step: PolicyStep): void => {
  const valid =
    step.unit === 'hours' ? Number.isFinite(step.amount) && step.amount >= 0 : Number.isSafeInteger(step.amount);
  if (!valid || step.amount < 0) {
    throw new RangeError(`a period of ${step.amount} ${step.unit} is not a non-negative whole amount`);
  }
};

/** The last day of a calendar-day period, before any roll-over. An amount of 0 ends on the start day. */
const lastCalendarDay = (startDate: string, { amount, startsNextDay }: PolicyStep): string =>
  startsNextDay ? addDays(startDate, amount) : addDays(startDate, Math.max(amount - 1, 0));

/**
 * The deadline of one policy step started at `start`.
 *
 * - `calendar-days`: with `startsNextDay` the start day is not counted (last day = start date + amount), without it
 *   the start day is day 1. With `rollsOverHolidays` a last day that is not a working day moves to the next one.
 * - `working-days`: counts `amount` working days from the day after the start (`startsNextDay`) or from the start day
 *   itself. `amount` 0 means the same day ("当日办结"), or the next working day when the start day is not one.
 * - `hours`: `start` plus `amount` hours, exactly.
 *
 * @example
 * ```ts
 * // A complaint accepted on 2026-09-25 must be finished within 60 days.
 * computeDeadline(new Date('2026-09-25T10:00:00+08:00'),
 *   { amount: 60, unit: 'calendar-days', startsNextDay: true, rollsOverHolidays: true }, calendar);
 * // → { dueDate: '2026-11-24', dueAt: '2026-11-24T16:00:00.000Z', missingCalendarYears: [] }
 * ```
 */
export const computeDeadline = (start: Date, step: PolicyStep, calendar: WorkingCalendar): ComputedDeadline => {
  checkAmount(step);
  if (step.unit === 'hours') {
    const due = new Date(start.getTime() + step.amount * hourMs);
    return { dueAt: due.toISOString(), dueDate: bureauDate(due), missingCalendarYears: [] };
  }

  const days = dayClassifier(calendar);
  const startDate = bureauDate(start);
  let last: string;
  if (step.unit === 'calendar-days') {
    last = lastCalendarDay(startDate, step);
    if (step.rollsOverHolidays) last = days.workingDayFrom(last);
  } else {
    last = days.workingDayFrom(step.startsNextDay && step.amount > 0 ? addDays(startDate, 1) : startDate);
    for (let counted = 1; counted < step.amount; counted += 1) last = days.workingDayFrom(addDays(last, 1));
  }
  return { dueAt: endOfBureauDay(last).toISOString(), dueDate: last, missingCalendarYears: days.missingYears() };
};

/**
 * The years a computation of `step` from `start` may have to classify days in (generously: twice the amount, plus a
 * month for holiday runs). Load these into the calendar before computing, so a year is only reported missing when the
 * data truly lacks it.
 */
export const calendarYearsNeeded = (start: Date, step: PolicyStep): number[] => {
  if (step.unit === 'hours') return [];
  const first = yearOf(bureauDate(start));
  const last = yearOf(addDays(bureauDate(start), Math.max(0, Math.ceil(step.amount)) * 2 + 31));
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
};
