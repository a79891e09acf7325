import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import { enterpriseSearchSchema, matchesSearch } from '#enterprises/domain/search.ts';
import { findEntries, getEnterprises } from '#enterprises/store/enterprises.ts';
import { facetsOfSearch } from '#enterprises/store/keys.ts';
import { ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { requireEnterpriseReader } from './access.ts';

export interface EnterprisePage {
  /** The enterprises found, by name. */
  readonly items: readonly Enterprise[];
  /** Pass as `cursor` for the next page; absent on the last. */
  readonly nextCursor?: string;
}

const encodeCursor = (sortKey: string): string => Buffer.from(sortKey, 'utf8').toString('base64url');

const decodeCursor = (cursor: string): string => {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!sortKey.includes('#')) throw new ValidationError([{ path: 'cursor', message: '无效的分页游标' }]);
  return sortKey;
};

/**
 * Enterprises meeting every criterion, by name, from the search index (never a scan): each criterion is a gsi1
 * partition, several are intersected, and each candidate is checked against the enterprise itself.
 */
export const searchEnterprises = async (query: unknown, principal: Principal): Promise<EnterprisePage> => {
  requireEnterpriseReader(principal);
  const search = parseWith(enterpriseSearchSchema, query);
  const page = await findEntries(
    facetsOfSearch(search),
    search.limit,
    search.cursor === undefined ? undefined : decodeCursor(search.cursor),
  );
  const enterprises = await getEnterprises(page.usccs);
  return {
    items: enterprises.filter((enterprise) => matchesSearch(enterprise, search)),
    ...(page.after === undefined ? {} : { nextCursor: encodeCursor(page.after) }),
  };
};
