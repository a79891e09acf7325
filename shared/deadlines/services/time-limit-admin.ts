import { type PolicySet, policySetSchema } from '#deadlines/domain/time-limit-policies.ts';
import { getCurrentPolicySet, listPolicySetVersions, savePolicySet } from '#deadlines/store/time-limit-policies.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { z } from '#platform/domain/zod.ts';

const saveSchema = policySetSchema.extend({ basedOn: z.number().int().min(1) });

/** The policies in force and every saved version (administrators and supervisors). */
export const readPolicies = async (principal: Principal): Promise<{ current: PolicySet; versions: PolicySet[] }> => {
  requireRole(principal, ['admin', 'supervisor'], '只有系统管理员或督办人员可以查看时限规则');
  const [current, versions] = await Promise.all([getCurrentPolicySet(), listPolicySetVersions()]);
  return { current, versions };
};

/**
 * Saves a new version of the policies (administrators). Cases keep the deadlines and the version they have; only
 * clocks started from now on follow the new version. `basedOn` must be the version in force (else 409).
 */
export const replacePolicies = async (body: unknown, principal: Principal): Promise<PolicySet> => {
  requireRole(principal, ['admin'], '只有系统管理员可以修改时限规则');
  const { basedOn, policies } = parseWith(saveSchema, body);
  return savePolicySet(policies, basedOn, principal.username, now().toISOString());
};
