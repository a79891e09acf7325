/**
 * What the random inspection draw needs of the register: every registered firm (its entity pool), read through the
 * search index's `ALL` partition a page at a time, then the firms themselves — never a scan.
 */
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import { findEntries, getEnterprises } from '#enterprises/store/enterprises.ts';
import { allFacet } from '#enterprises/store/keys.ts';

export { getEnterprise } from '#enterprises/store/enterprises.ts';

/** Every registered enterprise, by name. */
export const listEveryEnterprise = async (): Promise<Enterprise[]> => {
  const usccs: string[] = [];
  let after: string | undefined;
  do {
    const page = await findEntries([allFacet], 1000, after);
    usccs.push(...page.usccs);
    after = page.after;
  } while (after !== undefined);
  return getEnterprises(usccs);
};
