/**
 * The enforcement figures of a unit and period (执法统计): inspections done, inspector-visits (人次), cases filed,
 * penalty decisions, the penalty total, transfers, cases closed. Kept as counters by day, added to in the transaction
 * of every change (for every unit on the record's path), so a recount from the records — the same functions summed
 * over them — must give the same figures: that is the reconciliation.
 */
import type { EnforcementCase } from './enforcement.ts';
import type { Inspection } from './inspection.ts';

export const figureNames = [
  'inspections',
  'inspectorVisits',
  'casesFiled',
  'decisions',
  'penaltyFen',
  'transfers',
  'casesClosed',
] as const;
export type FigureName = (typeof figureNames)[number];
export type Figures = Readonly<Record<FigureName, number>>;

export const figureLabels: Readonly<Record<FigureName, string>> = {
  inspections: '执法检查（次）',
  inspectorVisits: '出动执法人员（人次）',
  casesFiled: '立案（件）',
  decisions: '下达处罚决定书（件）',
  penaltyFen: '罚款金额（分）',
  transfers: '移送公安、司法机关（件）',
  casesClosed: '结案（件）',
};

export const noFigures: Figures = Object.fromEntries(figureNames.map((name) => [name, 0])) as Figures;

/** A day's additions: the day (`YYYY-MM-DD`) and the figures that change. */
export interface DayDelta {
  readonly date: string;
  readonly add: Partial<Figures>;
}

/** What an inspection counts, on its day. */
export const inspectionDeltas = (inspection: Pick<Inspection, 'date' | 'inspectors'>): DayDelta[] => [
  { date: inspection.date, add: { inspections: 1, inspectorVisits: inspection.inspectors.length } },
];

/** What a case counts, each step on its own day. */
export const caseCounts = (enforcement: EnforcementCase): DayDelta[] => [
  { date: enforcement.filedOn, add: { casesFiled: 1 } },
  ...(enforcement.decision
    ? [{ date: enforcement.decision.on, add: { decisions: 1, penaltyFen: enforcement.decision.penaltyFen } }]
    : []),
  ...(enforcement.transfer ? [{ date: enforcement.transfer.on, add: { transfers: 1 } }] : []),
  ...(enforcement.closing ? [{ date: enforcement.closing.on, add: { casesClosed: 1 } }] : []),
];

/** What a change of a case adds: its counts after less its counts before (a step only ever adds its own day). */
export const caseDeltas = (before: EnforcementCase | undefined, after: EnforcementCase): DayDelta[] => {
  const had = new Set((before ? caseCounts(before) : []).map((delta) => JSON.stringify(delta)));
  return caseCounts(after).filter((delta) => !had.has(JSON.stringify(delta)));
};

/** Deltas summed over the days from `from` to `to` inclusive. */
export const sumDeltas = (deltas: readonly DayDelta[], from: string, to: string): Figures => {
  const sums: Record<FigureName, number> = { ...noFigures };
  for (const delta of deltas) {
    if (delta.date < from || delta.date > to) continue;
    for (const name of figureNames) sums[name] += delta.add[name] ?? 0;
  }
  return sums;
};

/** The figures recounted from the records of a unit. */
export const recount = (
  inspections: readonly Pick<Inspection, 'date' | 'inspectors'>[],
  cases: readonly EnforcementCase[],
  from: string,
  to: string,
): Figures => sumDeltas([...inspections.flatMap(inspectionDeltas), ...cases.flatMap(caseCounts)], from, to);

/** Each figure that differs between the counters and the recount. */
export const differences = (
  counted: Figures,
  recounted: Figures,
): { readonly name: FigureName; readonly counted: number; readonly recounted: number }[] =>
  figureNames
    .filter((name) => counted[name] !== recounted[name])
    .map((name) => ({ name, counted: counted[name], recounted: recounted[name] }));
