import { buildCalendar } from '#deadlines/domain/calendar.ts';
import type { TimeContext } from '#deadlines/domain/deadlines.ts';
import { libraryCalendarData } from '#deadlines/domain/holiday-library.ts';
import { initialPolicySet } from '#deadlines/domain/time-limit-policies.ts';

/** The shipped policies and the library's calendar for 2025–2027 (2027 has no data yet). */
export const timeContext = (): TimeContext => ({
  policySet: initialPolicySet,
  calendar: buildCalendar({ library: libraryCalendarData([2025, 2026, 2027]), overrides: { years: [], days: [] } }),
});

/** An instant given in Beijing time. */
export const beijing = (local: string): Date => new Date(`${local}+08:00`);
