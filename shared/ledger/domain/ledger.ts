import { caseKinds } from '#cases/domain/case.ts';
import { openStates } from '#cases/domain/case-query.ts';
import type { CaseSummary } from '#cases/domain/case-summary.ts';
import type { ProgressColour } from '#deadlines/domain/deadlines.ts';
import { pollutionCategories } from '#intake/domain/complaint-input.ts';
import { z } from '#platform/domain/zod.ts';

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

const emptyCounts = (): ColourCounts => ({ red: 0, yellow: 0, blue: 0, green: 0 });

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
}

const colourOf = (item: CaseSummary): ProgressColour | undefined => {
  if (openStates.includes(item.state)) return (item.colour as ProgressColour | undefined) ?? 'blue';
  return item.state === 'closed' || item.state === 'rejected' ? 'green' : undefined;
};

const byDeadline = (a: CaseSummary, b: CaseSummary) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999');

/** The unit that holds a case now: its department once assigned, else the unit that owns it. */
export const holderOf = (item: Pick<CaseSummary, 'unitId' | 'departmentId'>): string =>
  item.departmentId ?? item.unitId;

/**
 * The four-colour ledger (四色管理台账) of a unit: counts by colour for the unit and each unit directly below it, and
 * the cases behind each colour. Each case counts once, in the row of the unit that holds it now (`holderPaths` gives
 * each holder's path from the root), so every row adds up: `counts` = `own` + Σ `units`. A case the unit may see but
 * that is held outside it (a complaint it registered, assigned to a department elsewhere) counts where it is held.
 * Merged duplicates are counted with their master, not again.
 */
export const buildLedger = (
  unitId: string,
  entries: readonly CaseSummary[],
  children: readonly { id: string; name: string }[],
  holderPaths: ReadonlyMap<string, readonly string[]>,
  finishedSince: string,
  limit: number,
): Ledger => {
  const counted = entries.flatMap((item) => {
    const colour = colourOf(item);
    const holderPath = holderPaths.get(holderOf(item)) ?? [];
    if (!colour || (colour === 'green' && item.updatedAt < finishedSince) || !holderPath.includes(unitId)) return [];
    return [{ item, colour, holderPath }];
  });
  const count = (list: typeof counted) => {
    const counts = emptyCounts();
    for (const { colour } of list) counts[colour] += 1;
    return counts;
  };
  const below = (childId: string) => counted.filter(({ holderPath }) => holderPath.includes(childId));
  const childIds = new Set(children.map((child) => child.id));
  const ofColour = (colour: ProgressColour) =>
    counted.filter((entry) => entry.colour === colour).map(({ item }) => item);
  return {
    unitId,
    finishedSince,
    counts: count(counted),
    own: count(counted.filter(({ holderPath }) => !holderPath.some((id) => childIds.has(id)))),
    units: children.map((child) => ({ unitId: child.id, name: child.name, counts: count(below(child.id)) })),
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
