import type { PolicyContext } from '#deadlines/domain/deadlines.ts';
import { getCurrentPolicySet, getPolicySetVersions } from '#deadlines/store/time-limit-policies.ts';

/**
 * The policies in force and every earlier version (a case keeps the limits of the version it started with). Earlier
 * versions never change: after the first call a process reads only the set in force. No calendar: for what needs a
 * case's limits but none of its dates (the actions offered on a case), so such a function carries no holiday data.
 */
export const loadPolicyContext = async (): Promise<PolicyContext> => {
  const policySet = await getCurrentPolicySet();
  const earlierPolicySets = await getPolicySetVersions(policySet.version - 1);
  return { policySet, earlierPolicySets };
};
