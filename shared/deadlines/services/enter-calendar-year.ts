import { listOpenCasesDueBefore } from '#cases/services/records.ts';
import { type CalendarYear, calendarYear, calendarYearBodyFor } from '#deadlines/domain/calendar.ts';
import { calendarGapYears } from '#deadlines/domain/deadlines.ts';
import { libraryCalendarData } from '#deadlines/domain/holiday-library.ts';
import { putCalendarYear } from '#deadlines/store/calendar.ts';
import { listCasesUnderCalendarGap } from '#deadlines/store/calendar-gaps.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { logger } from '#platform/logger.ts';
import { forgetCachedCalendarYear } from './calendar.ts';

/** Later than any next check time: the whole index of open cases. */
const endOfTime = new Date('9999-12-31T23:59:59.999Z');

/**
 * Lists the open cases flagged for `year` under the calendar-gap index, so that the next nightly check recomputes
 * them. A case flagged since the index exists is listed already (the nightly check lists it the night after it is
 * flagged); this finds the ones flagged before, which nothing else would read until their next colour change. It reads
 * the index of open cases by next check time (every open case with a deadline ahead, not the table), a few times a
 * year; it writes one small item per flagged case.
 */
const listCasesFlaggedFor = async (year: number): Promise<number> => {
  const flagged = (await listOpenCasesDueBefore(endOfTime))
    .filter((item) => calendarGapYears(item).includes(year))
    .map((item) => item.id);
  await listCasesUnderCalendarGap(flagged, year);
  return flagged.length;
};

/**
 * An admin enters the special days of `year` (a new State Council notice, or a correction): they replace whatever
 * admins entered for that year before, and the year counts as having calendar data from now on; the open cases flagged
 * for the year are recomputed by the next nightly check. Returns the year as `readCalendarYear` shows it.
 */
export const enterCalendarYear = async (year: number, input: unknown, principal: Principal): Promise<CalendarYear> => {
  requireRole(principal, ['admin'], '只有系统管理员可以维护工作日历');
  const { days } = parseWith(calendarYearBodyFor(year), input);
  const entry = await putCalendarYear(year, days, principal.username, now());
  forgetCachedCalendarYear(year);
  const flagged = await listCasesFlaggedFor(year);
  logger.info('calendar year entered', { year, dayCount: entry.days.length, flaggedCases: flagged });
  return calendarYear({ library: libraryCalendarData([year]), overrides: { years: [year], days: entry.days } }, year);
};
