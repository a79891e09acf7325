/**
 * The figures of a unit and period read from its counters (`counters.ts`): the counts of the cases received in the
 * period, as they stand now, and the rates a bureau reports, each with its formula, numerator and denominator.
 *
 * The period is a cohort: the cases received from `from` to `to`. Their closure rate is the share of those accepted
 * that are closed now; the on-time rate counts the open overdue cases of the cohort against it, so leaving a case open
 * past its deadline never flatters the rate.
 */

import { type TransferBody, transferBodies } from '#cases/domain/case.ts';
import { type Rate, rate } from '#platform/domain/rate.ts';
import {
  type CohortMetric,
  cellName,
  closeDaysPrefix,
  cohortMetrics,
  type DimensionName,
  transferBodyCell,
} from './counters.ts';

export type CohortCounts = Readonly<Record<CohortMetric, number>>;

export interface DaysToClose {
  readonly formula: string;
  /** Closed cases whose working days to close are known (closed since they are recorded). */
  readonly counted: number;
  /** Rounded to one place; null when none is counted. */
  readonly average: number | null;
  readonly median: number | null;
}

/** The transfers (移交线索) of the cases counted, by receiving body. */
export type TransfersByBody = Readonly<Record<TransferBody, number>>;

export interface Figures {
  readonly counts: CohortCounts;
  readonly transfersByBody: TransfersByBody;
  readonly closureRate: Rate;
  readonly onTimeRate: Rate;
  readonly daysToClose: DaysToClose;
}

/** The figures of each bucket read, by name. */
type Buckets = readonly { readonly figures: Readonly<Record<string, number>> }[];

const sumOf = (buckets: Buckets, name: string): number =>
  buckets.reduce((sum, bucket) => sum + (bucket.figures[name] ?? 0), 0);

/** The working days to close and how many cases took them, from the histogram. */
const histogramOf = (buckets: Buckets, by: Partial<Record<DimensionName, string>>): Map<number, number> => {
  const dimensionSuffix = cellName('', by);
  const histogram = new Map<number, number>();
  for (const bucket of buckets) {
    for (const [name, value] of Object.entries(bucket.figures)) {
      if (!name.startsWith(closeDaysPrefix) || value === 0) continue;
      const bar = name.indexOf('|');
      if ((bar < 0 ? '' : name.slice(bar)) !== dimensionSuffix) continue;
      const days = Number(name.slice(closeDaysPrefix.length, bar < 0 ? undefined : bar));
      histogram.set(days, (histogram.get(days) ?? 0) + value);
    }
  }
  return histogram;
};

const round1 = (value: number) => Math.round(value * 10) / 10;

export const daysToCloseOf = (histogram: ReadonlyMap<number, number>): DaysToClose => {
  const sorted = [...histogram.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const counted = sorted.reduce((sum, [, count]) => sum + count, 0);
  const formula = '办结用时 = 收到次日起至办结日的工作日数 / working days from receipt to closing';
  if (counted === 0) return { formula, counted, average: null, median: null };
  const total = sorted.reduce((sum, [days, count]) => sum + days * count, 0);
  /** The value at a 0-based position of the sorted list of every case's days. */
  const at = (position: number): number => {
    let seen = 0;
    for (const [days, count] of sorted) {
      seen += count;
      if (position < seen) return days;
    }
    return sorted[sorted.length - 1]?.[0] ?? 0;
  };
  const median = counted % 2 === 1 ? at((counted - 1) / 2) : (at(counted / 2 - 1) + at(counted / 2)) / 2;
  return { formula, counted, average: round1(total / counted), median: round1(median) };
};

/** The figures of the buckets read, in total or within one dimension's value. */
export const figuresOf = (buckets: Buckets, by: Partial<Record<DimensionName, string>> = {}): Figures => {
  const counts = Object.fromEntries(
    cohortMetrics.map((metric) => [metric, sumOf(buckets, cellName(metric, by))]),
  ) as Record<CohortMetric, number>;
  const transfersByBody = Object.fromEntries(
    transferBodies.map((body) => [body, sumOf(buckets, cellName(transferBodyCell(body), by))]),
  ) as Record<TransferBody, number>;
  return {
    counts,
    transfersByBody,
    closureRate: rate('办结率 = 办结数 ÷ 受理数 / closed ÷ accepted', counts.closed, counts.accepted),
    onTimeRate: rate(
      '按期办结率 = 按期办结数 ÷（办结数 + 在办超期数）/ closed on time ÷ (closed + open and overdue)',
      counts.closedOnTime,
      counts.closed + counts.openOverdue,
    ),
    daysToClose: daysToCloseOf(histogramOf(buckets, by)),
  };
};

/** The values a dimension takes in the buckets read (e.g. every channel with cases), sorted. */
export const valuesOf = (buckets: Buckets, dimension: DimensionName): string[] => {
  const values = new Set<string>();
  for (const bucket of buckets) {
    for (const name of Object.keys(bucket.figures)) {
      const match = name.match(new RegExp(`^received\\|${dimension}=(.+)$`));
      if (match?.[1]) values.add(match[1]);
    }
  }
  return [...values].sort();
};

/** Buckets that take `parts` away from `whole`: a unit's own row is its figures less those of the units below. */
export const withoutParts = (whole: Buckets, parts: Buckets): Buckets => [
  ...whole,
  ...parts.map((bucket) => ({
    figures: Object.fromEntries(Object.entries(bucket.figures).map(([name, value]) => [name, -value])),
  })),
];
