import type { TimeContext } from '#deadlines/domain/deadlines.ts';
import { getCurrentPolicySet } from '#deadlines/store/time-limit-policies.ts';
import { bureauYear } from '#platform/domain/time.ts';
import { loadCalendar } from './calendar.ts';

/** The policies in force and the calendar of the years around `at` (a year without data stays without: flagged). */
export const loadTimeContext = async (at: Date): Promise<TimeContext> => {
  const year = bureauYear(at);
  const [policySet, calendar] = await Promise.all([getCurrentPolicySet(), loadCalendar([year - 1, year, year + 1])]);
  return { policySet, calendar };
};
