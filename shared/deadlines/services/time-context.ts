import type { TimeContext } from '#deadlines/domain/deadlines.ts';
import { bureauYear } from '#platform/domain/time.ts';
import { loadCalendar } from './calendar.ts';
import { loadPolicyContext } from './policy-context.ts';

/**
 * The policies in force, every earlier version (a case keeps the periods and limits of the version it started with),
 * and the calendar of the years around `at` (a year without data stays without: flagged). Earlier versions never
 * change: after the first call a process reads only the set in force.
 */
export const loadTimeContext = async (at: Date): Promise<TimeContext> => {
  const year = bureauYear(at);
  const [policies, calendar] = await Promise.all([loadPolicyContext(), loadCalendar([year - 1, year, year + 1])]);
  return { ...policies, calendar };
};
