import { figuresOf } from '#statistics/domain/figures.ts';
import type { StatsForTable } from '#statistics/domain/stats-table.ts';
import { ratesOf, zeroCounts } from '#surveys/domain/figures.ts';

/** The figures of one counter bucket holding `counts` (counter names as counters.ts keeps them). */
export const someFigures = (counts: Record<string, number>) => figuresOf([{ figures: counts }]);

/** Survey rates of the given counts, the rest zero. */
export const someRates = (counts: Partial<ReturnType<typeof zeroCounts>> = {}) =>
  ratesOf({ ...zeroCounts(), ...counts });

/** Statistics by department as readStats answers them: the city with its two branches and its own row. */
export const aStatsTable = (
  overrides: Partial<StatsForTable> = {},
): StatsForTable & {
  openNow: { byColour: Record<string, number> };
} => {
  const east = someFigures({
    received: 12,
    accepted: 10,
    rejected: 1,
    merged: 1,
    closed: 8,
    closedOnTime: 7,
    closedLate: 1,
    open: 2,
    openOverdue: 1,
    'closeDays=5': 6,
    'closeDays=12': 2,
  });
  const west = someFigures({ received: 3, accepted: 3, closed: 3, closedOnTime: 3, 'closeDays=4': 3 });
  const own = someFigures({ received: 1 });
  const total = someFigures({
    received: 16,
    accepted: 13,
    rejected: 1,
    merged: 1,
    closed: 11,
    closedOnTime: 10,
    closedLate: 1,
    open: 3,
    openOverdue: 1,
    'closeDays=5': 6,
    'closeDays=12': 2,
    'closeDays=4': 3,
  });
  return {
    unitName: '示范市生态环境局',
    from: '2026-01-01',
    to: '2026-12-07',
    groupBy: 'department',
    basis: '按收到日期统计',
    ...total,
    satisfaction: someRates({ surveys: 10, satisfied: 6, basicallySatisfied: 2, dissatisfied: 1, pending: 1 }),
    rows: [
      { label: '本级', ...own },
      { label: '城东分局', ...east, satisfaction: someRates({ satisfied: 6, basicallySatisfied: 1, dissatisfied: 1 }) },
      { label: '城西分局', ...west, satisfaction: someRates({ satisfied: 0, pending: 1 }) },
    ],
    openNow: { byColour: { red: 1, yellow: 1, blue: 1 } },
    ...overrides,
  };
};
