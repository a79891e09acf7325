/**
 * The positive list (正面清单): its members with the reason each entered, the firms that qualify and are not on it,
 * and entering or removing a firm — each a step of its history, with who and why, under the rules in force.
 */

import { requireRole } from '#directory/domain/roles.ts';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import {
  enterPositiveList,
  entryObstacles,
  entryStep,
  type PositiveListRules,
  positiveListEntrySchema,
  positiveListQuerySchema,
  positiveListRemovalSchema,
  positiveListRules,
  removeFromPositiveList,
} from '#enterprises/domain/positive-list.ts';
import { findEntries, getEnterprises, saveEnterprise } from '#enterprises/store/enterprises.ts';
import { gradeFacet, positiveListFacet } from '#enterprises/store/keys.ts';
import type { Grade } from '#grading/domain/grades.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { requireEnterpriseReader } from './access.ts';
import { requireEnterprise } from './grades.ts';

/** A member of the list, with why and since when. */
export interface PositiveListMember {
  readonly uscc: string;
  readonly name: string;
  readonly town: string;
  readonly grade?: Grade;
  readonly since?: string;
  readonly by?: string;
  readonly reason: string;
  readonly rulesVersion?: number;
}

/** A firm that meets the entry conditions today and is not on the list. */
export interface PositiveListCandidate {
  readonly uscc: string;
  readonly name: string;
  readonly town: string;
  readonly grade?: Grade;
}

export interface PositiveList {
  readonly rules: PositiveListRules;
  readonly members: readonly PositiveListMember[];
  /** Only when asked for (`candidates=true`). */
  readonly candidates?: readonly PositiveListCandidate[];
}

/** Who decides the list: the bureau's leaders (supervisors) and administrators. */
const requireListOfficial = (principal: Principal): void =>
  requireRole(principal, ['supervisor', 'admin'], '只有督查督办人员和系统管理员可以调整正面清单');

/** Every firm of a search-index partition, by name (the index, never a scan; 500 keys a page). */
const everyFirmIn = async (facet: string): Promise<Enterprise[]> => {
  const usccs: string[] = [];
  let after: string | undefined;
  do {
    const page = await findEntries([facet], 500, after);
    usccs.push(...page.usccs);
    after = page.after;
  } while (after !== undefined);
  return getEnterprises(usccs);
};

const memberOf = (enterprise: Enterprise): PositiveListMember => {
  const step = entryStep(enterprise);
  return {
    uscc: enterprise.uscc,
    name: enterprise.name,
    town: enterprise.town,
    ...(enterprise.grade ? { grade: enterprise.grade } : {}),
    ...(step ? { since: step.at, by: step.by, rulesVersion: step.rulesVersion } : {}),
    reason: step?.reason ?? '纳入记录缺失',
  };
};

export const readPositiveList = async (query: unknown, principal: Principal): Promise<PositiveList> => {
  requireEnterpriseReader(principal);
  const { candidates } = parseWith(positiveListQuerySchema, query);
  const members = (await everyFirmIn(positiveListFacet('listed'))).filter((firm) => firm.positiveList === 'listed');
  if (!candidates) return { rules: positiveListRules, members: members.map(memberOf) };
  const today = bureauDate(now());
  const graded = (
    await Promise.all(positiveListRules.entryGrades.map((grade) => everyFirmIn(gradeFacet(grade))))
  ).flat();
  return {
    rules: positiveListRules,
    members: members.map(memberOf),
    candidates: graded
      .filter((firm) => entryObstacles(firm, today).length === 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map(({ uscc, name, town, grade }) => ({ uscc, name, town, ...(grade ? { grade } : {}) })),
  };
};

/** Puts a firm on the list, or refuses (409) naming every condition it does not meet. */
export const addToPositiveList = async (body: unknown, principal: Principal): Promise<Enterprise> => {
  requireListOfficial(principal);
  const input = parseWith(positiveListEntrySchema, body);
  const before = await requireEnterprise(input.uscc);
  return saveEnterprise(before, enterPositiveList(before, input, principal.username, now().toISOString()));
};

/** Takes a firm off the list; for a serious violation, barred from re-entry for the rules' years. */
export const takeOffPositiveList = async (uscc: string, body: unknown, principal: Principal): Promise<Enterprise> => {
  requireListOfficial(principal);
  const input = parseWith(positiveListRemovalSchema, body);
  const before = await requireEnterprise(uscc);
  return saveEnterprise(before, removeFromPositiveList(before, input, principal.username, now().toISOString()));
};
