import { type CounterCell, recount, sumCells } from './counters.ts';

/** A counter whose stored value is not what the cases add up to. */
export interface CounterDifference {
  readonly unitId: string;
  /** `R#<date>` (received that day), `F#<date>` (finished that day) or `OPEN`. */
  readonly bucket: string;
  readonly name: string;
  readonly stored: number;
  readonly recounted: number;
}

/**
 * Every counter whose stored value differs from the recount of `cases` (a missing counter is 0), in a stable order:
 * by unit, bucket and name.
 */
export const compareCounters = (
  stored: Iterable<CounterCell>,
  cases: Parameters<typeof recount>[0],
): CounterDifference[] => {
  const storedCells = sumCells(stored);
  const recounted = recount(cases);
  const keys = new Set([...storedCells.keys(), ...recounted.keys()]);
  const differences: CounterDifference[] = [];
  for (const key of keys) {
    const have = storedCells.get(key);
    const want = recounted.get(key);
    const cell = have ?? want;
    if (!cell || (have?.value ?? 0) === (want?.value ?? 0)) continue;
    differences.push({
      unitId: cell.unitId,
      bucket: cell.bucket,
      name: cell.name,
      stored: have?.value ?? 0,
      recounted: want?.value ?? 0,
    });
  }
  return differences.sort(
    (a, b) => a.unitId.localeCompare(b.unitId) || a.bucket.localeCompare(b.bucket) || a.name.localeCompare(b.name),
  );
};

/** The additions that bring each differing counter to its recount. */
export const repairsOf = (differences: readonly CounterDifference[]): CounterCell[] =>
  differences.map((difference) => ({
    unitId: difference.unitId,
    bucket: difference.bucket as CounterCell['bucket'],
    name: difference.name,
    value: difference.recounted - difference.stored,
  }));
