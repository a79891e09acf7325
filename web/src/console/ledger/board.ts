/** The rows of the ledger board: the unit (all it holds), what it holds itself, then each unit directly below it. */
import type { ColourCounts } from '../../api/schema.gen.ts';
import type { Colour } from '../../common/labels.ts';
import type { Ledger } from './useLedger.ts';

export const ownRowKey = '#own';
export const totalRowKey = '#total';

export interface BoardRow {
  /** `#total`, `#own`, or the id of a unit directly below. */
  readonly key: string;
  readonly unitId: string;
  readonly name: string;
  readonly level: 0 | 1;
  readonly counts: ColourCounts;
}

export interface Selection {
  readonly row: string;
  readonly colour: Colour;
}

export const sumOf = (counts: ColourCounts): number => counts.red + counts.yellow + counts.blue + counts.green;

export const boardRows = (ledger: Ledger, unitName: (id: string) => string, ownName: string): BoardRow[] => [
  { key: totalRowKey, unitId: ledger.unitId, name: unitName(ledger.unitId), level: 0, counts: ledger.counts },
  ...(ledger.units.length > 0
    ? [{ key: ownRowKey, unitId: ledger.unitId, name: ownName, level: 1 as const, counts: ledger.own }]
    : []),
  ...ledger.units.map((unit) => ({
    key: unit.unitId,
    unitId: unit.unitId,
    name: unit.name,
    level: 1 as const,
    counts: unit.counts,
  })),
];
