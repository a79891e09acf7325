/**
 * The working calendar: which dates are working days in the bureau (Asia/Shanghai). Weekends rest; the State Council's
 * yearly notice adds statutory holidays (法定节假日) and make-up working days (调休上班). The notice data comes from a
 * library for past years and from administrators for years the library does not know yet (the next year's notice is
 * published around November) and for corrections.
 *
 * A year without data is never guessed: `dayKind` answers `null`, so a deadline computed across it is flagged.
 */

import { addDays, isCalendarDate, isWeekend, yearOf } from '#platform/domain/time.ts';
import { z } from '#platform/domain/zod.ts';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/** A date the notice makes special: a statutory holiday (also on a weekend), or a weekend day worked in lieu. */
export interface CalendarDay {
  readonly date: string;
  readonly kind: 'holiday' | 'makeup-workday';
  readonly name?: string;
}

export interface WorkingCalendar {
  /** Kind of a date `YYYY-MM-DD` (Asia/Shanghai), or null when its year has no calendar data. */
  dayKind(date: string): DayKind | null;
  /** Whether people work on the date (a weekday that is no holiday, or a make-up working day); null: no data. */
  isWorkingDay(date: string): boolean | null;
  hasYear(year: number): boolean;
}

/** Special days of some years, and which years they are complete for. */
export interface CalendarData {
  readonly years: readonly number[];
  readonly days: readonly CalendarDay[];
}

export interface CalendarInput {
  readonly library: CalendarData;
  readonly overrides: CalendarData;
}

const byDate = (days: readonly CalendarDay[]): Map<string, CalendarDay> => new Map(days.map((day) => [day.date, day]));

/** The special days in effect: the library's, each replaced by the admins' day of the same date, sorted by date. */
const effectiveDays = (input: CalendarInput): Map<string, CalendarDay> =>
  new Map([...byDate(input.library.days), ...byDate(input.overrides.days)].sort(([a], [b]) => a.localeCompare(b)));

/**
 * Library data plus admin overrides: an override day replaces the library's kind for that date; a year the admins
 * entered counts as having data.
 *
 * @example
 * ```ts
 * const calendar = buildCalendar({ library: libraryCalendarData([2026, 2027]), overrides: { years: [], days: [] } });
 * calendar.dayKind('2026-10-01'); // 'holiday'
 * calendar.dayKind('2027-03-01'); // null: no 2027 data until an admin enters the notice
 * ```
 */
export const buildCalendar = (input: CalendarInput): WorkingCalendar => {
  const years = new Set([...input.library.years, ...input.overrides.years]);
  const special = effectiveDays(input);
  const hasYear = (year: number) => years.has(year);
  const dayKind = (date: string): DayKind | null => {
    const weekend = isWeekend(date); // also rejects a malformed date
    if (!hasYear(yearOf(date))) return null;
    return special.get(date)?.kind ?? (weekend ? 'weekend' : 'workday');
  };
  return {
    dayKind,
    isWorkingDay: (date) => {
      const kind = dayKind(date);
      return kind === null ? null : kind === 'workday' || kind === 'makeup-workday';
    },
    hasYear,
  };
};

/** Where a year's calendar comes from: entered by admins (wins), the library, or nowhere (deadlines get flagged). */
export type CalendarSource = 'library' | 'admin' | 'none';

/** One year of the calendar as administrators see and edit it. */
export interface CalendarYear {
  readonly year: number;
  readonly source: CalendarSource;
  /** The special days in effect that year (library days with admin days replacing them), by date. */
  readonly days: readonly CalendarDay[];
  readonly hasData: boolean;
}

/** The year as administrators see it, from the same data `buildCalendar` gets. */
export const calendarYear = (input: CalendarInput, year: number): CalendarYear => {
  const source: CalendarSource = input.overrides.years.includes(year)
    ? 'admin'
    : input.library.years.includes(year)
      ? 'library'
      : 'none';
  const days = [...effectiveDays(input).values()].filter((day) => yearOf(day.date) === year);
  return { year, source, days: source === 'none' ? [] : days, hasData: source !== 'none' };
};

/** Years the calendar can hold: the library starts in 2004; far-future years are typos. */
export const calendarYearSchema = z.coerce
  .number({ error: '年份须为四位数字' })
  .int('年份须为整数')
  .min(2000, '年份须在 2000–2100 之间')
  .max(2100, '年份须在 2000–2100 之间');

const calendarDaySchema = z
  .object({
    date: z.iso.date('日期格式须为 YYYY-MM-DD'),
    kind: z.enum(['holiday', 'makeup-workday'], '类型须为 holiday（放假）或 makeup-workday（调休上班）'),
    name: z.string().trim().min(1).max(50).optional(),
  })
  .strict();

/** The well-formed days of a body that may have failed elsewhere, with their positions. */
const wellFormedDays = (value: unknown): { index: number; date: string; kind: unknown }[] =>
  (Array.isArray(value) ? value : []).flatMap((day: unknown, index) => {
    const { date, kind } = (typeof day === 'object' && day !== null ? day : {}) as Record<string, unknown>;
    return isCalendarDate(date) ? [{ index, date, kind }] : [];
  });

/** Run cross-field checks even when some day failed its own schema, so one answer names every bad field. */
const always = { when: () => true };

/**
 * `PUT /v1/admin/calendar/{year}` body: every special day of the year from the State Council notice — holidays
 * (weekend days inside a holiday span included) and make-up working days. Year-independent checks only; see
 * `calendarYearBodyFor`.
 */
export const calendarYearBodySchema = z
  .object({
    days: z
      .array(calendarDaySchema)
      .min(1, '至少须有一天（每年都有元旦假期）')
      .max(100, '一年的特殊日期不应超过 100 天')
      .superRefine((days, context) => {
        const seen = new Set<string>();
        for (const { index, date, kind } of wellFormedDays(days)) {
          if (seen.has(date)) context.addIssue({ code: 'custom', path: [index, 'date'], message: `日期 ${date} 重复` });
          seen.add(date);
          if (kind === 'makeup-workday' && !isWeekend(date)) {
            context.addIssue({ code: 'custom', path: [index, 'kind'], message: '调休上班日应为周六或周日' });
          }
        }
      }, always),
  })
  .strict();

export type CalendarYearBody = z.output<typeof calendarYearBodySchema>;

/** The body schema for one year: every date must lie in `year`. */
export const calendarYearBodyFor = (year: number) =>
  calendarYearBodySchema.superRefine((body, context) => {
    const days = (body as { days?: unknown } | undefined)?.days;
    for (const { index, date } of wellFormedDays(days)) {
      if (yearOf(date) !== year) {
        context.addIssue({ code: 'custom', path: ['days', index, 'date'], message: `日期须在 ${year} 年内` });
      }
    }
  }, always);

/**
 * Working days from `from` to `to` (dates, Asia/Shanghai): those after `from` up to and including `to`, as time limits
 * count them (the day of receipt is not counted). A date whose year has no calendar data counts by the weekday alone.
 *
 * @example workingDaysBetween('2026-11-27', '2026-12-01', calendar) // 2: Monday and Tuesday after a Friday
 */
export const workingDaysBetween = (from: string, to: string, calendar: WorkingCalendar): number => {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (calendar.isWorkingDay(date) ?? !isWeekend(date)) count += 1;
  }
  return count;
};
