import { now } from '#clock';
import { ForbiddenError } from '#domain/errors.ts';
import { buildLedger, type Ledger, type LedgerQuery } from '#domain/ledger.ts';
import type { Principal } from '#domain/roles.ts';
import { bureauYear, startOfBureauDay } from '#domain/time.ts';
import { queryAllEntries } from '#persistence/case-index.ts';
import { getOrgUnit, listChildUnits } from '#persistence/directory.ts';

/** The ledger of a unit within the caller's scope (default: the caller's unit), read from its listing entries. */
export const readLedger = async (query: LedgerQuery, principal: Principal): Promise<Ledger> => {
  const unitId = query.unit ?? principal.unitId;
  const unit = await getOrgUnit(unitId);
  if (!unit.path.includes(principal.unitId)) throw new ForbiddenError('所查单位不在您的管辖范围内');
  const finishedSince = startOfBureauDay(query.finishedSince ?? `${bureauYear(now())}-01-01`).toISOString();
  const [entries, children] = await Promise.all([
    queryAllEntries({
      partition: `SCOPE#${unitId}`,
      equals: { kind: query.kind, category: query.category, departmentId: query.department },
    }),
    listChildUnits(unitId),
  ]);
  return buildLedger(unitId, entries, children, finishedSince, query.limit);
};
