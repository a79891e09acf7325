import type { TimeContext } from '#deadlines/domain/deadlines.ts';
import { getCurrentPolicySet, getPolicySetVersions } from '#deadlines/store/time-limit-policies.ts';
import { bureauYear } from '#platform/domain/time.ts';
import { loadCalendar } from './calendar.ts';

/**
 * The policies in force, every earlier version (a case keeps the periods and limits of the version it started with),
 * and the calendar of the years around `at` (a year without data stays without: flagged). Earlier versions never
 * change: after the first call a process reads only the set in force.
 */
export const loadTimeContext = async (at: Date): Promise<TimeContext> => {
  const year = bureauYear(at);
  const [policySet, calendar] = await Promise.all([getCurrentPolicySet(), loadCalendar([year - 1, year, year + 1])]);
  const earlierPolicySets = await getPolicySetVersions(policySet.version - 1);
  return { policySet, earlierPolicySets, calendar };
};
