import { listUnitsInScope } from '#directory/services/list-units.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import {
  adjustFigures,
  readCountedRecords,
  readFigureDays,
  type StoredFigureDay,
} from '#inspections/services/figures-for-period.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import {
  type EnforcementDifference,
  enforcementDifferences,
  enforcementRepairs,
  recountByUnitAndDay,
} from '#statistics/domain/enforcement.ts';
import type { EnforcementRecount } from '#statistics/domain/reconciliation-job.ts';

const daysOf = (unitIds: Iterable<string>): Promise<StoredFigureDay[]> =>
  Promise.all([...unitIds].map((unitId) => readFigureDays(unitId))).then((days) => days.flat());

/**
 * Recounts the enforcement counters (执法统计) of the whole organisation from the inspection and enforcement records and
 * lists every counter that differs — unit, day, figure, stored and recounted value. Reads every unit's counters (one
 * query per unit of the tree the caller's unit belongs to, and of any other unit a record names), every enforcement
 * case, and the inspections from the year of the first counter or case on (one query per year): no scan. An
 * inspection is written in one transaction with its counters, so a year with inspections has counters unless they
 * were removed by hand.
 */
export const recountEnforcement = async (principal: Pick<Principal, 'unitId'>): Promise<EnforcementRecount> => {
  const root = (await getOrgUnit(principal.unitId)).path[0] ?? principal.unitId;
  const units = await listUnitsInScope({ unitId: root, roles: [] });
  const stored = await daysOf(units.map((unit) => unit.id));
  const today = bureauDate(now());
  const firstDay = stored.reduce((first, { day }) => (day < first ? day : first), today);
  const records = await readCountedRecords(firstDay, today);
  const known = new Set(units.map((unit) => unit.id));
  const others = new Set(
    [...records.inspections, ...records.cases].flatMap((record) => record.unitPath).filter((id) => !known.has(id)),
  );
  stored.push(...(await daysOf(others)));
  return {
    recordsRead: records.inspections.length + records.cases.length,
    countersRead: stored.length,
    differences: enforcementDifferences(stored, recountByUnitAndDay(records.inspections, records.cases)),
  };
};

/** Adds to each differing enforcement counter what brings it to its recount. */
export const repairEnforcement = async (differences: readonly EnforcementDifference[]): Promise<void> => {
  for (const { unitId, deltas } of enforcementRepairs(differences)) await adjustFigures(unitId, deltas);
};
