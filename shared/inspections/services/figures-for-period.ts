/**
 * The enforcement figures as the bureau's statistics read them (issue 14): what `shared/statistics` needs of this
 * capability, whose store is private to it (an import rule). The figures of a unit and period come from the counters
 * with the ledger's own read (one query of the unit's day items, never a record); the reconciliation also reads the
 * counters day by day, the records they count, and repairs a counter with the same `ADD` the records' writes make.
 */
import type { EnforcementCase } from '#inspections/domain/enforcement.ts';
import type { Figures } from '#inspections/domain/figures.ts';
import type { Inspection } from '#inspections/domain/inspection.ts';
import { listEnforcementCases, listInspections, readFigures } from '#inspections/store/records.ts';

export { adjustFigures, readFigureDays, type StoredFigureDay } from '#inspections/store/records.ts';

/**
 * The figures of a unit (its own and every unit below: each record counts for every unit on its path) from `from` to
 * `to` (days, both included), summed from the counters: one query of at most one item per day.
 */
export const readEnforcementFigures = (unitId: string, from: string, to: string): Promise<Figures> =>
  readFigures(unitId, from, to);

/** The records the counters count. */
export interface CountedRecords {
  readonly inspections: readonly Inspection[];
  readonly cases: readonly EnforcementCase[];
}

/**
 * Every record counted up to `to`: the enforcement cases (one partition, read from the start) and the inspections from
 * the year of `since` or of the first case filed, whichever is earlier (one query per year).
 */
export const readCountedRecords = async (since: string, to: string): Promise<CountedRecords> => {
  const cases = await listEnforcementCases(to);
  const firstCase = cases[0]?.filedOn;
  const from = firstCase && firstCase < since ? firstCase : since;
  return { inspections: await listInspections(`${from.slice(0, 4)}-01-01`, to), cases };
};
