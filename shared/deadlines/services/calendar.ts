import {
  buildCalendar,
  type CalendarData,
  type CalendarDay,
  type CalendarYear,
  calendarYear,
  type WorkingCalendar,
} from '#deadlines/domain/calendar.ts';
import { libraryCalendarData } from '#deadlines/domain/holiday-library.ts';
import { getCalendarOverrides } from '#deadlines/store/calendar.ts';
import { requireRole } from '#directory/domain/roles.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';
import { yearOf } from '#platform/domain/time.ts';

/** How long a process reuses the admin days it read: a change made elsewhere shows within a minute. */
const cacheMs = 60_000;

interface CachedYear {
  readonly readAt: number;
  readonly entered: boolean;
  readonly days: readonly CalendarDay[];
}

const cache = new Map<number, CachedYear>();

/** The admin overrides of `years`, from this process's cache when it is younger than a minute. */
const cachedOverrides = async (years: readonly number[]): Promise<CalendarData> => {
  const readAt = Date.now();
  const stale = [...new Set(years)].filter((year) => {
    const cached = cache.get(year);
    return !cached || readAt - cached.readAt > cacheMs;
  });
  if (stale.length > 0) {
    const fresh = await getCalendarOverrides(stale);
    for (const year of stale) {
      const days = fresh.days.filter((day) => yearOf(day.date) === year);
      cache.set(year, { readAt, entered: fresh.years.includes(year), days });
    }
  }
  const cached = years.flatMap((year) => {
    const entry = cache.get(year);
    return entry ? [{ year, ...entry }] : [];
  });
  return {
    years: cached.filter((entry) => entry.entered).map((entry) => entry.year),
    days: cached.flatMap((entry) => entry.days),
  };
};

/**
 * The working calendar of `years`: the holiday library plus the days admins entered. A year outside `years` counts as
 * having no data, so load every year a computation may reach (`calendarYearsNeeded` in `#deadlines/domain/periods.ts`).
 */
export const loadCalendar = async (years: readonly number[]): Promise<WorkingCalendar> =>
  buildCalendar({ library: libraryCalendarData(years), overrides: await cachedOverrides(years) });

const calendarReaders: readonly OfficialRole[] = ['admin', 'supervisor'];

/** A year of the calendar for the admin page, read afresh (an admin checks what they just entered). */
export const readCalendarYear = async (year: number, principal: Principal): Promise<CalendarYear> => {
  requireRole(principal, calendarReaders, '只有系统管理员和督办人员可以查看工作日历');
  return calendarYear({ library: libraryCalendarData([year]), overrides: await getCalendarOverrides([year]) }, year);
};

/** Forgets what this process read of `year`, after an administrator changed it here. */
export const forgetCachedCalendarYear = (year: number): void => {
  cache.delete(year);
};
