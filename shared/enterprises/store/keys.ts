/**
 * The register's items in the main table (access pattern → key). Pure key builders, tested offline.
 *
 * - an enterprise → pk `ENT#<uscc>`, sk `ENTERPRISE`
 * - its search entries, one per criterion it can be found by → pk `ENT#<uscc>`, sk `IX#<facet>`, on gsi1 with
 *   gsi1pk `ENT#<facet>` and gsi1sk `<name>#<uscc>` (so each partition lists its firms by name, and the entries of one
 *   firm share one sort key, which makes intersecting partitions a set intersection):
 *   - every enterprise, by name → `ENT#ALL`
 *   - by town → `ENT#TOWN#<town>`; by industry → `ENT#INDUSTRY#<GB/T 4754 code>` (one per industry of the firm)
 *   - by grade → `ENT#GRADE#<A+|A|B|B-|C|D|none>`; by positive-list status → `ENT#POSITIVE#<status>`
 *   - key polluters → `ENT#FLAG#key-polluter`; VOCs emitters → `ENT#FLAG#vocs` (sparse: only firms with the flag)
 *   - flagged for re-grading → `ENT#FLAG#regrade`; a help plan still `opening` or `closing` (its case not yet stored or
 *     closed) → `ENT#FLAG#help-plan-unsettled`, which the settling schedule reads
 *   - by a fragment of the name → `ENT#NAME#<bigram>`, one per distinct two-character piece of the normalised name
 * - an import (the file's SHA-256) → pk `ENTIMPORT#<sha-256 hex>`, sk `IMPORT`
 */
import { type Enterprise, maxNameLength } from '#enterprises/domain/enterprise.ts';
import { type EnterpriseSearch, nameBigrams } from '#enterprises/domain/search.ts';

export const enterpriseKey = (uscc: string) => ({ pk: `ENT#${uscc}`, sk: 'ENTERPRISE' });
export const importKey = (importId: string) => ({ pk: `ENTIMPORT#${importId}`, sk: 'IMPORT' });

export const allFacet = 'ALL';
export const townFacet = (town: string) => `TOWN#${town}`;
export const industryFacet = (code: string) => `INDUSTRY#${code}`;
export const gradeFacet = (grade: string) => `GRADE#${grade}`;
export const positiveListFacet = (status: string) => `POSITIVE#${status}`;
export const flagFacet = (flag: 'key-polluter' | 'vocs' | 'regrade' | 'help-plan-unsettled') => `FLAG#${flag}`;
export const nameFacet = (bigram: string) => `NAME#${bigram}`;

/** The gsi1 partition of a facet. */
export const facetPartition = (facet: string) => `ENT#${facet}`;

/** The sort key every entry of an enterprise shares: its name, then its USCC (names are not unique). */
export const entrySortKey = (enterprise: Pick<Enterprise, 'name' | 'uscc'>) => `${enterprise.name}#${enterprise.uscc}`;

/** The USCC at the end of an entry's sort key. */
export const usccOfSortKey = (sortKey: string) => sortKey.slice(sortKey.lastIndexOf('#') + 1);

/** The facets an enterprise is found by. */
export const facetsOf = (enterprise: Enterprise): string[] => [
  allFacet,
  townFacet(enterprise.town),
  ...new Set(enterprise.industries.map((industry) => industryFacet(industry.code))),
  gradeFacet(enterprise.grade ?? 'none'),
  positiveListFacet(enterprise.positiveList),
  ...(enterprise.keyPolluter ? [flagFacet('key-polluter')] : []),
  ...(enterprise.vocs ? [flagFacet('vocs')] : []),
  ...(enterprise.regrade ? [flagFacet('regrade')] : []),
  ...(enterprise.helpPlan && enterprise.helpPlan.state !== 'open' ? [flagFacet('help-plan-unsettled')] : []),
  ...nameBigrams(enterprise.name).map(nameFacet),
];

/**
 * The most entries an enterprise can have: all, town, 5 industries, grade, positive list, 4 flags and the bigrams of
 * the longest name. With the enterprise item, a new enterprise is one transaction (at most 100 items).
 */
export const maxEntries = 13 + (maxNameLength - 1);

/** The facets a search reads: one per criterion that has an index, every bigram of a name fragment; all firms if none. */
export const facetsOfSearch = (search: EnterpriseSearch): string[] => {
  const facets = [
    ...(search.town !== undefined ? [townFacet(search.town)] : []),
    ...(search.industry !== undefined ? [industryFacet(search.industry)] : []),
    ...(search.grade !== undefined ? [gradeFacet(search.grade)] : []),
    ...(search.positiveList !== undefined ? [positiveListFacet(search.positiveList)] : []),
    ...(search.keyPolluter ? [flagFacet('key-polluter')] : []),
    ...(search.vocs ? [flagFacet('vocs')] : []),
    ...(search.regrade ? [flagFacet('regrade')] : []),
    ...(search.q !== undefined ? nameBigrams(search.q).map(nameFacet) : []),
  ];
  return facets.length > 0 ? facets : [allFacet];
};
