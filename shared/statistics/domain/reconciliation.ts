import type { Case } from '#cases/domain/case.ts';
import { type Bucket, type CounterCell, countersOf } from './counters.ts';

/** A counter whose stored value is not what the cases add up to. */
export interface CounterDifference {
  readonly unitId: string;
  /** `R#<date>` (received that day), `D#<date>` (the same by dimension), `F#<date>` (finished that day) or `OPEN`. */
  readonly bucket: string;
  readonly name: string;
  readonly stored: number;
  readonly recounted: number;
}

/**
 * Counter sums by unit and bucket, added to a page at a time: the stored counters as a scan reads them, or their
 * recount from the cases. Held by bucket (one small record of figures each), not by cell, so a year of a bureau's
 * counters stays a few tens of megabytes however many cases were counted.
 */
export class CounterTally {
  private readonly buckets = new Map<string, { unitId: string; bucket: Bucket; figures: Map<string, number> }>();

  add(cells: Iterable<Omit<CounterCell, 'bucket'> & { bucket: Bucket }>): this {
    for (const cell of cells) {
      const key = `${cell.unitId}\u0000${cell.bucket}`;
      let entry = this.buckets.get(key);
      if (!entry) {
        entry = { unitId: cell.unitId, bucket: cell.bucket, figures: new Map() };
        this.buckets.set(key, entry);
      }
      entry.figures.set(cell.name, (entry.figures.get(cell.name) ?? 0) + cell.value);
    }
    return this;
  }

  addCase(item: Case): this {
    return this.add(countersOf(item));
  }

  addBucket(unitId: string, bucket: Bucket, figures: Readonly<Record<string, number>>): this {
    return this.add(Object.entries(figures).map(([name, value]) => ({ unitId, bucket, name, value })));
  }

  get bucketCount(): number {
    return this.buckets.size;
  }

  /** Every counter whose value here differs from `other`'s (a missing counter is 0), by unit, bucket and name. */
  differencesFrom(recounted: CounterTally): CounterDifference[] {
    const differences: CounterDifference[] = [];
    for (const key of new Set([...this.buckets.keys(), ...recounted.buckets.keys()])) {
      const have = this.buckets.get(key);
      const want = recounted.buckets.get(key);
      const where = (have ?? want) as NonNullable<typeof have>;
      for (const name of new Set([...(have?.figures.keys() ?? []), ...(want?.figures.keys() ?? [])])) {
        const stored = have?.figures.get(name) ?? 0;
        const recount = want?.figures.get(name) ?? 0;
        if (stored !== recount) {
          differences.push({ unitId: where.unitId, bucket: where.bucket, name, stored, recounted: recount });
        }
      }
    }
    return differences.sort(
      (a, b) => a.unitId.localeCompare(b.unitId) || a.bucket.localeCompare(b.bucket) || a.name.localeCompare(b.name),
    );
  }
}

/** Every counter whose stored value differs from the recount of `cases` (a missing counter is 0), in a stable order. */
export const compareCounters = (stored: Iterable<CounterCell>, cases: Iterable<Case>): CounterDifference[] => {
  const recounted = new CounterTally();
  for (const item of cases) recounted.addCase(item);
  return new CounterTally().add(stored).differencesFrom(recounted);
};

/** The additions that bring each differing counter to its recount. */
export const repairsOf = (differences: readonly CounterDifference[]): CounterCell[] =>
  differences.map((difference) => ({
    unitId: difference.unitId,
    bucket: difference.bucket as CounterCell['bucket'],
    name: difference.name,
    value: difference.recounted - difference.stored,
  }));
