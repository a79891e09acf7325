import type { TimeContext } from '#domain/deadlines.ts';
import { bureauYear } from '#domain/time.ts';
import { getCurrentPolicySet } from '#persistence/time-limit-policies.ts';
import { loadCalendar } from './calendar.ts';

/** The policies in force and the calendar of the years around `at` (a year without data stays without: flagged). */
export const loadTimeContext = async (at: Date): Promise<TimeContext> => {
  const year = bureauYear(at);
  const [policySet, calendar] = await Promise.all([getCurrentPolicySet(), loadCalendar([year - 1, year, year + 1])]);
  return { policySet, calendar };
};
