import { describe, expect, it } from 'vitest';
import { daysToCloseOf, figuresOf, valuesOf, withoutParts } from '#statistics/domain/figures.ts';

describe('the figures read from counter buckets', () => {
  const buckets: { figures: Record<string, number> }[] = [
    {
      figures: {
        received: 4,
        accepted: 3,
        closed: 2,
        closedOnTime: 1,
        closedLate: 1,
        open: 1,
        openOverdue: 1,
        'closeDays=3': 1,
        'closeDays=9': 1,
        'received|channel=hotline': 3,
        'received|channel=letter': 1,
        'closed|channel=hotline': 2,
        'closeDays=3|channel=hotline': 1,
        'closeDays=9|channel=hotline': 1,
        transfers: 2,
        'transfers.police': 1,
        'transfers.discipline': 1,
        'transfers.police|channel=hotline': 1,
      },
    },
    {
      figures: {
        received: 1,
        accepted: 1,
        closed: 1,
        closedOnTime: 1,
        'closeDays=4': 1,
        transfers: 1,
        'transfers.police': 1,
      },
    },
  ];

  it('adds up the days, with the rates’ numerators and denominators: the open overdue count against the on-time rate', () => {
    const figures = figuresOf(buckets);

    expect(figures.counts).toMatchObject({ received: 5, accepted: 4, closed: 3, closedOnTime: 2, openOverdue: 1 });
    expect(figures.closureRate).toMatchObject({ numerator: 3, denominator: 4, percent: '75%' });
    expect(figures.onTimeRate).toMatchObject({ numerator: 2, denominator: 4, percent: '50%' });
    expect(figures.daysToClose).toMatchObject({ counted: 3, average: 5.3, median: 4 });
  });

  it('counts the transfers in total and by receiving body', () => {
    expect(figuresOf(buckets).counts.transfers).toBe(3);
    expect(figuresOf(buckets).transfersByBody).toEqual({ discipline: 1, police: 2, judiciary: 0 });
    expect(figuresOf(buckets, { channel: 'hotline' }).transfersByBody).toEqual({
      discipline: 0,
      police: 1,
      judiciary: 0,
    });
  });

  it('reads one value of a dimension, and lists the values present', () => {
    expect(figuresOf(buckets, { channel: 'hotline' }).counts).toMatchObject({ received: 3, closed: 2 });
    expect(figuresOf(buckets, { channel: 'hotline' }).daysToClose).toMatchObject({ counted: 2, median: 6 });
    expect(valuesOf(buckets, 'channel')).toEqual(['hotline', 'letter']);
  });

  it('takes the units below away from a unit, leaving its own', () => {
    const own = figuresOf(withoutParts(buckets, [buckets[1] as { figures: Record<string, number> }]));
    expect(own.counts).toMatchObject({ received: 4, closed: 2 });
    expect(own.daysToClose.counted).toBe(2);
  });

  it('has no average or median when nothing is counted, and the median of an even count is the mean of the middle two', () => {
    expect(daysToCloseOf(new Map())).toMatchObject({ counted: 0, average: null, median: null });
    expect(
      daysToCloseOf(
        new Map([
          [2, 1],
          [5, 1],
          [7, 2],
        ]),
      ),
    ).toMatchObject({ counted: 4, median: 6, average: 5.3 });
  });
});
