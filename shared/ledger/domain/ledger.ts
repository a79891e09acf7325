import { z } from 'zod';
import { openStates } from '#cases/domain/case-query.ts';
import type { CaseSummary } from '#cases/domain/case-summary.ts';
import type { ProgressColour } from '#deadlines/domain/deadlines.ts';
import { pollutionCategories } from '#intake/domain/complaint-input.ts';

z.config(z.locales.zhCN());

export const ledgerQuerySchema = z
  .object({
    unit: z.string().trim().min(1).max(100).optional(),
    kind: z.enum(['complaint', 'rectification', 'task', 'help-plan']).optional(),
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

const emptyCounts = (): ColourCounts => ({ red: 0, yellow: 0, blue: 0, green: 0 });

export interface Ledger {
  readonly unitId: string;
  readonly finishedSince: string;
  readonly counts: ColourCounts;
  readonly units: readonly { unitId: string; name: string; counts: ColourCounts }[];
  /** The cases behind each colour, most urgent first: red and yellow by deadline, blue by deadline, green latest. */
  readonly cases: Readonly<Record<ProgressColour, readonly CaseSummary[]>>;
}

const colourOf = (item: CaseSummary): ProgressColour | undefined => {
  if (openStates.includes(item.state)) return (item.colour as ProgressColour | undefined) ?? 'blue';
  return item.state === 'closed' || item.state === 'rejected' ? 'green' : undefined;
};

const byDeadline = (a: CaseSummary, b: CaseSummary) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999');

/**
 * The four-colour ledger (四色管理台账) of a unit: counts by colour for the unit and each unit directly below it, and
 * the cases behind each colour. Merged duplicates are counted with their master, not again.
 */
export const buildLedger = (
  unitId: string,
  entries: readonly CaseSummary[],
  children: readonly { id: string; name: string }[],
  finishedSince: string,
  limit: number,
): Ledger => {
  const counted = entries.flatMap((item) => {
    const colour = colourOf(item);
    if (!colour || (colour === 'green' && item.updatedAt < finishedSince)) return [];
    return [{ item, colour }];
  });
  const count = (list: typeof counted) => {
    const counts = emptyCounts();
    for (const { colour } of list) counts[colour] += 1;
    return counts;
  };
  const ofColour = (colour: ProgressColour) =>
    counted.filter((entry) => entry.colour === colour).map(({ item }) => item);
  return {
    unitId,
    finishedSince,
    counts: count(counted),
    units: children.map((child) => ({
      unitId: child.id,
      name: child.name,
      counts: count(counted.filter(({ item }) => item.scopeUnitIds.includes(child.id))),
    })),
    cases: {
      red: ofColour('red').sort(byDeadline).slice(0, limit),
      yellow: ofColour('yellow').sort(byDeadline).slice(0, limit),
      blue: ofColour('blue').sort(byDeadline).slice(0, limit),
      green: ofColour('green')
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice(0, limit),
    },
  };
};
