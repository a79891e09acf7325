/**
 * Weeks of a campaign's weekly progress reports: ISO 8601 weeks (Monday to Sunday) of the bureau's calendar dates
 * (Asia/Shanghai), written `2014-W18`. Pure date arithmetic on `YYYY-MM-DD`.
 */
import { addDays, isCalendarDate, weekday } from '#platform/domain/time.ts';

/** An ISO week, e.g. `2014-W18` (a string, so the API's schemas describe it as one). */
export type IsoWeek = string;

const weekPattern = /^(\d{4})-W(\d{2})$/;

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export const isoWeekday = (date: string): number => ((weekday(date) + 6) % 7) + 1;

/** The Monday of the week holding `date`. */
export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

const dayOfYear = (date: string): number =>
  (Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) -
    Date.UTC(Number(date.slice(0, 4)), 0, 1)) /
    86_400_000 +
  1;

/**
 * The ISO week of a date: the week belongs to the year of its Thursday.
 *
 * @example isoWeekOf('2014-04-28') // '2014-W18'
 */
export const isoWeekOf = (date: string): IsoWeek => {
  const thursday = addDays(mondayOf(date), 3);
  const week = Math.floor((dayOfYear(thursday) - 1) / 7) + 1;
  return `${thursday.slice(0, 4)}-W${String(week).padStart(2, '0')}`;
};

/** The Monday of an ISO week (`2014-W18` → `2014-04-28`); undefined for a week the year does not have. */
export const mondayOfWeek = (week: string): string | undefined => {
  const match = weekPattern.exec(week);
  if (!match) return undefined;
  const firstMonday = mondayOf(`${match[1]}-01-04`);
  const monday = addDays(firstMonday, (Number(match[2]) - 1) * 7);
  return Number(match[2]) >= 1 && isoWeekOf(monday) === week ? monday : undefined;
};

/**
 * A week given as an ISO week (`2014-W18`) or as its Monday's date (`2014-04-28`), as an ISO week; a message when it is
 * neither.
 */
export const parseWeek = (input: string): { week: IsoWeek } | { problem: string } => {
  if (weekPattern.test(input)) {
    return mondayOfWeek(input) ? { week: input } : { problem: `${input.slice(0, 4)} 年没有第 ${input.slice(6)} 周` };
  }
  if (isCalendarDate(input)) {
    return isoWeekday(input) === 1 ? { week: isoWeekOf(input) } : { problem: '周次须写作 2014-W18，或该周周一的日期' };
  }
  return { problem: '周次须写作 2014-W18，或该周周一的日期（YYYY-MM-DD）' };
};

/** The weeks from the one holding `from` to the one holding `to`, in order. */
export const weeksBetween = (from: string, to: string): IsoWeek[] => {
  const weeks: IsoWeek[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push(isoWeekOf(monday));
  return weeks;
};
