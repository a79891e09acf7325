/**
 * The enforcement figures in the bureau's statistics (执法统计, issue 14): the inspections capability's counters of a
 * unit and period (`#inspections/domain/figures.ts`: each inspection, filing, decision, transfer and closing counted
 * on its own day, for every unit on the record's path), with the penalty in yuan beside fen; and their
 * reconciliation — the records recounted by unit and day with the very functions that count them as they are
 * written, and every counter that differs, with what brings it to its recount.
 */
import type { EnforcementCase } from '#inspections/domain/enforcement.ts';
import {
  caseCounts,
  type DayDelta,
  differences,
  type FigureName,
  type Figures,
  figureNames,
  inspectionDeltas,
  noFigures,
  sumDeltas,
} from '#inspections/domain/figures.ts';
import type { Inspection } from '#inspections/domain/inspection.ts';

export const enforcementBasis =
  '按发生日统计：检查日、立案日、处罚决定日、移送日、结案日在期间内的（含下级单位，按录入的单位计）/ each inspection, ' +
  'filing, decision, transfer and closing on its own day in the period, units below included';

export interface EnforcementFigures extends Figures {
  /** The penalty total in yuan (`penaltyFen` ÷ 100). */
  readonly penaltyYuan: number;
  /** What the figures count, in words: unlike the cases' figures, events by their own day. */
  readonly basis: string;
}

export const enforcementFiguresOf = (figures: Figures): EnforcementFigures => ({
  ...figures,
  penaltyYuan: figures.penaltyFen / 100,
  basis: enforcementBasis,
});

/** The enforcement counter of a unit and day: stored (a figure never added is missing) or recounted. */
export interface FigureDay {
  readonly unitId: string;
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  readonly day: string;
  readonly figures: Partial<Figures>;
}

/** An enforcement counter whose stored value is not what the records add up to. */
export interface EnforcementDifference {
  readonly unitId: string;
  readonly day: string;
  readonly name: FigureName;
  readonly stored: number;
  readonly recounted: number;
}

const keyOf = (unitId: string, day: string) => `${unitId}\u0000${day}`;
const byUnitAndDay = (a: Omit<FigureDay, 'figures'>, b: Omit<FigureDay, 'figures'>) =>
  a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0;

/**
 * The counters the records add up to, by unit and day: each record's days (`inspectionDeltas`, `caseCounts`, as its
 * writes count them) for every unit on its path; only the unit-days with a record, sorted.
 */
export const recountByUnitAndDay = (
  inspections: readonly Pick<Inspection, 'date' | 'inspectors' | 'unitPath'>[],
  cases: readonly EnforcementCase[],
): FigureDay[] => {
  const deltas = new Map<string, { unitId: string; day: string; deltas: DayDelta[] }>();
  const add = (unitPath: readonly string[], days: readonly DayDelta[]) => {
    for (const unitId of unitPath) {
      for (const delta of days) {
        const key = keyOf(unitId, delta.date);
        const entry = deltas.get(key) ?? { unitId, day: delta.date, deltas: [] };
        entry.deltas.push(delta);
        deltas.set(key, entry);
      }
    }
  };
  for (const inspection of inspections) add(inspection.unitPath, inspectionDeltas(inspection));
  for (const enforcement of cases) add(enforcement.unitPath, caseCounts(enforcement));
  return [...deltas.values()]
    .map(({ unitId, day, deltas: own }) => ({ unitId, day, figures: sumDeltas(own, day, day) }))
    .sort(byUnitAndDay);
};

/** Every counter whose stored value differs from its recount (a missing one is 0), by unit, day and figure. */
export const enforcementDifferences = (
  stored: readonly FigureDay[],
  recounted: readonly FigureDay[],
): EnforcementDifference[] => {
  const cells = new Map<
    string,
    { unitId: string; day: string; stored?: Partial<Figures>; recounted?: Partial<Figures> }
  >();
  for (const [side, days] of [
    ['stored', stored],
    ['recounted', recounted],
  ] as const) {
    for (const { unitId, day, figures } of days) {
      const key = keyOf(unitId, day);
      cells.set(key, { unitId, day, ...cells.get(key), [side]: figures });
    }
  }
  return [...cells.values()].sort(byUnitAndDay).flatMap(({ unitId, day, stored: have, recounted: want }) =>
    differences({ ...noFigures, ...have }, { ...noFigures, ...want }).map((difference) => ({
      unitId,
      day,
      name: difference.name,
      stored: difference.counted,
      recounted: difference.recounted,
    })),
  );
};

/** What brings each differing counter to its recount: by unit, a day's addition each (figures in their order). */
export const enforcementRepairs = (
  found: readonly EnforcementDifference[],
): { readonly unitId: string; readonly deltas: DayDelta[] }[] => {
  const units = new Map<string, Map<string, Partial<Record<FigureName, number>>>>();
  for (const difference of found) {
    const days = units.get(difference.unitId) ?? new Map<string, Partial<Record<FigureName, number>>>();
    const add = days.get(difference.day) ?? {};
    add[difference.name] = (add[difference.name] ?? 0) + difference.recounted - difference.stored;
    days.set(difference.day, add);
    units.set(difference.unitId, days);
  }
  return [...units.entries()].map(([unitId, days]) => ({
    unitId,
    deltas: [...days.entries()].map(([date, add]) => ({
      date,
      add: Object.fromEntries(figureNames.filter((name) => add[name]).map((name) => [name, add[name]])),
    })),
  }));
};
