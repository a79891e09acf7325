import { queryAllEntries } from '#cases/services/records.ts';
import { requireInScope } from '#directory/domain/scope.ts';
import { getOrgUnit, listChildUnits } from '#directory/services/lookup.ts';
import { buildLedger, holderOf, type Ledger, type LedgerQuery } from '#ledger/domain/ledger.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauYear, startOfBureauDay } from '#platform/domain/time.ts';

/** The ledger of a unit within the caller's scope (default: the caller's unit), read from its listing entries. */
export const readLedger = async (query: LedgerQuery, principal: Principal): Promise<Ledger> => {
  const unitId = query.unit ?? principal.unitId;
  const unit = await getOrgUnit(unitId);
  requireInScope(unit.path, principal, '所查单位不在您的管辖范围内');
  const finishedSince = startOfBureauDay(query.finishedSince ?? `${bureauYear(now())}-01-01`).toISOString();
  const [entries, children] = await Promise.all([
    queryAllEntries({
      partition: `SCOPE#${unitId}`,
      equals: { kind: query.kind, category: query.category, departmentId: query.department },
    }),
    listChildUnits(unitId),
  ]);
  return buildLedger(unitId, entries, children, await holderPaths(entries), finishedSince, query.limit);
};

/** The path of every unit holding one of the cases: a handful of units, however many cases. */
const holderPaths = async (entries: readonly { unitId: string; departmentId?: string }[]) => {
  const holders = [...new Set(entries.map(holderOf))];
  const units = await Promise.all(holders.map((id) => getOrgUnit(id)));
  return new Map(units.map((unit) => [unit.id, unit.path]));
};
