import { caseKinds } from '#cases/domain/case.ts';
import type { CaseSummary } from '#cases/domain/case-summary.ts';
import type { ProgressColour } from '#deadlines/domain/deadlines.ts';
import { pollutionCategories } from '#intake/domain/complaint-input.ts';
import { z } from '#platform/domain/zod.ts';
import { cellName } from '#statistics/domain/counters.ts';

export const ledgerQuerySchema = z
  .object({
    unit: z.string().trim().min(1).max(100).optional(),
    kind: z.enum(caseKinds).optional(),
    category: z.enum(pollutionCategories).optional(),
    department: z.string().trim().min(1).max(100).optional(),
    /** Green counts cases finished since this date (default: 1 January of this year, Asia/Shanghai). */
    finishedSince: z.iso.date().optional(),
    /** Cases listed per colour (counts are always complete). */
    limit: z.coerce.number().int().min(0).max(500).default(50),
  })
  .strict();

export type LedgerQuery = z.output<typeof ledgerQuerySchema>;

export type ColourCounts = Record<ProgressColour, number>;

export interface Ledger {
  readonly unitId: string;
  readonly finishedSince: string;
  /** Every case held in the unit or below it: `own` plus the sum of `units`. */
  readonly counts: ColourCounts;
  /** Cases the unit itself holds (not one of the units below it). */
  readonly own: ColourCounts;
  /** One row per unit directly below; each case counts in the row of the unit that holds it now. */
  readonly units: readonly { unitId: string; name: string; counts: ColourCounts }[];
  /** The cases behind each colour, most urgent first: red and yellow by deadline, blue by deadline, green latest. */
  readonly cases: Readonly<Record<ProgressColour, readonly CaseSummary[]>>;
  /** Counter and index items read to answer: what it shows, not the unit's archive. */
  readonly itemsRead: number;
}

/** A unit's counters as the ledger reads them: its open cases now, and one bucket per day with finished cases. */
export interface LedgerCounters {
  readonly open: Readonly<Record<string, number>>;
  readonly finishedDays: readonly Readonly<Record<string, number>>[];
}

export const zeroCounts = (): ColourCounts => ({ red: 0, yellow: 0, blue: 0, green: 0 });

const minus = (a: ColourCounts, b: ColourCounts): ColourCounts => ({
  red: a.red - b.red,
  yellow: a.yellow - b.yellow,
  blue: a.blue - b.blue,
  green: a.green - b.green,
});

/**
 * The colour counts of a unit from its counters (`#statistics/domain/counters.ts`): red, yellow and blue from its open
 * cases now (blue includes those whose clocks have not started), green the closed and rejected cases finished on the
 * days read — as the ledger always counted: each case once, where it is held, merged duplicates with their master.
 */
export const colourCountsOf = (
  counters: LedgerCounters,
  by: Readonly<{ kind?: string; category?: string }>,
): ColourCounts => {
  const open = (colour: string) => counters.open[cellName(`colour.${colour}`, by)] ?? 0;
  const finished = (figures: Readonly<Record<string, number>>) =>
    (figures[cellName('finished.closed', by)] ?? 0) + (figures[cellName('finished.rejected', by)] ?? 0);
  return {
    red: open('red'),
    yellow: open('yellow'),
    blue: open('blue') + open('none'),
    green: counters.finishedDays.reduce((sum, figures) => sum + finished(figures), 0),
  };
};

/** The unit's own row: what it holds itself is its total less what the units below it hold. */
export const ownCounts = (counts: ColourCounts, rows: readonly { counts: ColourCounts }[]): ColourCounts =>
  rows.reduce((own, row) => minus(own, row.counts), counts);
