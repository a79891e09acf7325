import { describe, expect, it } from 'vitest';
import { counterWrites, readCounterBuckets, readOpenCounters } from '#cases/store/case-counters.ts';
import { aCase } from '../../support/cases.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('case-counters-test');

describe('the counter updates a change carries (counterWrites)', () => {
  it('adds a new case to one item per unit and bucket: its received day, by dimension, and the open counts', () => {
    const writes = counterWrites([{ after: aCase() }]);

    expect(writes.map((write) => `${write.Update.Key.pk} ${write.Update.Key.sk}`).sort()).toEqual([
      'STATS#city D#2026-11-20',
      'STATS#city OPEN',
      'STATS#city R#2026-11-20',
      'STATS#city-petition D#2026-11-20',
      'STATS#city-petition OPEN',
      'STATS#city-petition R#2026-11-20',
    ]);
    const received = writes.find((write) => write.Update.Key.sk === 'R#2026-11-20')?.Update;
    expect(received?.UpdateExpression).toMatch(/^SET #type = :type, #unit = :unit, #bucket = :bucket ADD #f0 :f0/);
    expect(Object.values(received?.ExpressionAttributeNames ?? {})).toContain('received');
    const byDimension = writes.find((write) => write.Update.Key.sk === 'D#2026-11-20')?.Update;
    expect(Object.values(byDimension?.ExpressionAttributeNames ?? {})).toContain('received|channel=hotline');
  });

  it('writes nothing for a change that moves no figure', () => {
    const before = aCase();
    expect(
      counterWrites([{ before, after: { ...before, version: 2, updatedAt: '2026-11-21T01:00:00.000Z' } }]),
    ).toEqual([]);
  });
});

describe('reading the counters', () => {
  it.each([
    ['readCounterBuckets', () => readCounterBuckets('city', 'R#2026-01-01', 'R#2026-12-31')],
    ['readOpenCounters', () => readOpenCounters('city')],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});
