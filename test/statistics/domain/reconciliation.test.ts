import { describe, expect, it } from 'vitest';
import { CounterTally, repairsOf } from '#statistics/domain/reconciliation.ts';

describe('counter tallies and their differences (CounterTally)', () => {
  it('sums cells and buckets added page by page, and reports each counter that differs, missing ones as 0', () => {
    // Prepare: the stored counters arrive as whole buckets, the recount as cells, in any order
    const stored = new CounterTally()
      .addBucket('city', 'R#2026-03-02', { received: 2, closed: 1 })
      .addBucket('east', 'OPEN', { 'colour.red': 1 });
    const recounted = new CounterTally()
      .add([{ unitId: 'city', bucket: 'R#2026-03-02', name: 'received', value: 1 }])
      .add([
        { unitId: 'city', bucket: 'R#2026-03-02', name: 'received', value: 1 },
        { unitId: 'city', bucket: 'F#2026-03-05', name: 'finished', value: 1 },
      ]);

    // Act
    const differences = stored.differencesFrom(recounted);

    // Assess
    expect(stored.bucketCount).toBe(2);
    expect(differences).toEqual([
      { unitId: 'city', bucket: 'F#2026-03-05', name: 'finished', stored: 0, recounted: 1 },
      { unitId: 'city', bucket: 'R#2026-03-02', name: 'closed', stored: 1, recounted: 0 },
      { unitId: 'east', bucket: 'OPEN', name: 'colour.red', stored: 1, recounted: 0 },
    ]);
    expect(repairsOf(differences).map((cell) => cell.value)).toEqual([1, -1, -1]);
  });

  it('finds nothing when the stored counters equal the recount', () => {
    const cells = [{ unitId: 'city', bucket: 'OPEN' as const, name: 'state.accepted', value: 3 }];
    expect(new CounterTally().add(cells).differencesFrom(new CounterTally().add(cells))).toEqual([]);
  });
});
