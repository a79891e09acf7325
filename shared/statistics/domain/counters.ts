/**
 * The case counters: what each case, as it stands, adds to the counters of the units that hold it. The counters of a
 * unit are the sum of `countersOf` over every case it holds or that a unit below it holds, and a change of a case adds
 * `counterDelta(before, after)` in the same transaction as the change (the cases store writes it, beside the listing
 * entries). So a recount — the same sum over the cases read again — always equals them, and the property test
 * (test/statistics/domain/counters.test.ts) holds the two together over random sequences of changes.
 *
 * A case counts for the unit holding it now (the department once assigned, before that the owning unit) and every
 * unit above it, in four kinds of bucket:
 * - `R#<date>`: the cohort of the day it was received (Asia/Shanghai) — how many were received, accepted, rejected,
 *   merged, closed (on time or late), are still open (and overdue), with their extensions, returns, reviews,
 *   reopenings and transfers (移交线索, in total and by receiving body), and a histogram of working days to close;
 * - `D#<date>`: the same cohort by each dimension (kind, channel, category, a problem's source), apart from the totals so that figures
 *   without a grouping by dimension read only the small `R#` items (the histogram by dimension is most of `D#`);
 * - `F#<date>`: the day it was finished (closed, rejected or merged) — the ledger's green;
 * - `OPEN`: the open cases by colour and by state — the ledger's red, yellow and blue — in total and by kind, category
 *   and both.
 * A new kind of case (rectification, campaign task, help plan, inspection) counts without change: kind is a
 * dimension. A new dimension (e.g. an enterprise's grade) is one more entry of `dimensionsOf`.
 */
import {
  type Case,
  finishedAtOf,
  holderPathOf,
  isFinishedState,
  type TransferBody,
  transferBodies,
} from '#cases/domain/case.ts';
import { bureauDate } from '#platform/domain/time.ts';

/** The cohort figures of a received day, by what they count. */
export const cohortMetricLabels = {
  received: '收到',
  accepted: '受理',
  rejected: '不予受理',
  merged: '合并办理',
  closed: '办结',
  closedOnTime: '按期办结',
  closedLate: '超期办结',
  open: '在办',
  openOverdue: '在办超期',
  extensions: '延期',
  returns: '退单',
  reviews: '申请复核',
  reopened: '重新办理',
  transfers: '移交线索',
} as const;
export type CohortMetric = keyof typeof cohortMetricLabels;
export const cohortMetrics = Object.keys(cohortMetricLabels) as CohortMetric[];

/** Transfers by receiving body: `transfers.police` counts the leads of the cohort handed to the police. */
export const transferBodyCell = (body: TransferBody): string => `transfers.${body}`;

/** The histogram of working days to close: `closeDays=<n>` counts the closed cases that took n working days. */
export const closeDaysPrefix = 'closeDays=';

export const dimensionNames = ['kind', 'channel', 'category', 'source'] as const;
export type DimensionName = (typeof dimensionNames)[number];

/** The dimensions the open and finished counts are also kept by, alone and together (the ledger's filters). */
const ledgerDimensions: readonly DimensionName[] = ['kind', 'category'];

export type Bucket = `R#${string}` | `D#${string}` | `F#${string}` | 'OPEN';
export const cohortBucket = (date: string): Bucket => `R#${date}`;
export const cohortByDimensionBucket = (date: string): Bucket => `D#${date}`;
export const finishedBucket = (date: string): Bucket => `F#${date}`;
export const openBucket: Bucket = 'OPEN';

/** One counter: a unit's bucket and the name of the figure in it, e.g. `closed|channel=hotline`. */
export interface CounterCell {
  readonly unitId: string;
  readonly bucket: Bucket;
  readonly name: string;
  readonly value: number;
}

/** The name of a figure within a dimension's value, e.g. `received|channel=hotline`; the total has none. */
export const cellName = (figure: string, by: Readonly<Partial<Record<DimensionName, string>>> = {}): string =>
  [figure, ...dimensionNames.filter((name) => by[name] !== undefined).map((name) => `${name}=${by[name]}`)].join('|');

/** The dimensions of a case; absent where it has none (a task has no channel). */
export const dimensionsOf = (item: Case): Partial<Record<DimensionName, string>> => ({
  kind: item.kind,
  ...(item.complaint ? { channel: item.complaint.channel, category: item.complaint.category } : {}),
  // A rectification problem's source (中央督察, 自查 …): problems found / rectified / in progress by source.
  ...(item.rectification ? { source: item.rectification.source } : {}),
});

const cohortFigures = (item: Case): [string, number][] => {
  const finished = isFinishedState(item.state);
  const closed = item.state === 'closed';
  const figures: [CohortMetric, number][] = [
    ['received', 1],
    ['accepted', item.state === 'registered' || item.state === 'rejected' || item.state === 'merged' ? 0 : 1],
    ['rejected', item.state === 'rejected' ? 1 : 0],
    ['merged', item.state === 'merged' ? 1 : 0],
    ['closed', closed ? 1 : 0],
    ['closedOnTime', closed && !item.late ? 1 : 0],
    ['closedLate', closed && item.late ? 1 : 0],
    ['open', finished ? 0 : 1],
    ['openOverdue', !finished && item.colour === 'red' ? 1 : 0],
    ['extensions', item.extensions.filter((extension) => extension.status === 'approved').length],
    ['returns', item.returnCount],
    ['reviews', item.reviewCount ?? 0],
    ['reopened', item.reopenCount ?? 0],
    ['transfers', item.transfers?.length ?? 0],
  ];
  const byBody: [string, number][] = transferBodies.map((body) => [
    transferBodyCell(body),
    item.transfers?.filter((transfer) => transfer.body === body).length ?? 0,
  ]);
  const days: [string, number][] =
    closed && item.workingDaysToClose !== undefined ? [[`${closeDaysPrefix}${item.workingDaysToClose}`, 1]] : [];
  return [...figures, ...byBody, ...days].filter(([, value]) => value !== 0);
};

/** The total and each dimension alone. */
const singleVariants = (dimensions: Partial<Record<DimensionName, string>>) => [
  {},
  ...dimensionNames.filter((name) => dimensions[name] !== undefined).map((name) => ({ [name]: dimensions[name] })),
];

/** The total, each of the ledger's dimensions alone, and all of them together. */
const ledgerVariants = (dimensions: Partial<Record<DimensionName, string>>) => {
  const present = ledgerDimensions.filter((name) => dimensions[name] !== undefined);
  const all = Object.fromEntries(present.map((name) => [name, dimensions[name]]));
  return [{}, ...present.map((name) => ({ [name]: dimensions[name] })), ...(present.length > 1 ? [all] : [])];
};

/** Every counter one case adds to, as it stands, with how much. */
export const countersOf = (item: Case): CounterCell[] => {
  const dimensions = dimensionsOf(item);
  const own: { bucket: Bucket; name: string; value: number }[] = [];
  const received = bureauDate(new Date(item.receivedAt));
  for (const by of singleVariants(dimensions)) {
    const bucket = Object.keys(by).length === 0 ? cohortBucket(received) : cohortByDimensionBucket(received);
    for (const [figure, value] of cohortFigures(item)) own.push({ bucket, name: cellName(figure, by), value });
  }
  const finishedAt = finishedAtOf(item);
  if (finishedAt) {
    const finished = finishedBucket(bureauDate(new Date(finishedAt)));
    for (const by of ledgerVariants(dimensions)) {
      own.push({ bucket: finished, name: cellName('finished', by), value: 1 });
      own.push({ bucket: finished, name: cellName(`finished.${item.state}`, by), value: 1 });
    }
  } else {
    for (const by of ledgerVariants(dimensions)) {
      own.push({ bucket: openBucket, name: cellName(`colour.${item.colour ?? 'none'}`, by), value: 1 });
    }
    own.push({ bucket: openBucket, name: cellName(`state.${item.state}`), value: 1 });
  }
  return holderPathOf(item).flatMap((unitId) => own.map((cell) => ({ unitId, ...cell })));
};

export const cellKey = (cell: Pick<CounterCell, 'unitId' | 'bucket' | 'name'>) =>
  `${cell.unitId}\u0000${cell.bucket}\u0000${cell.name}`;

/** Adds up cells of the same counter. */
export const sumCells = (cells: Iterable<CounterCell>): Map<string, CounterCell> => {
  const sums = new Map<string, CounterCell>();
  for (const cell of cells) {
    const key = cellKey(cell);
    sums.set(key, { ...cell, value: (sums.get(key)?.value ?? 0) + cell.value });
  }
  return sums;
};

/**
 * What changes of cases (before absent: a new case) add to the counters, summed over the changes (a merge changes
 * two cases, which may count in the same bucket): only the counters that change.
 */
export const counterDelta = (changes: readonly { readonly before?: Case; readonly after: Case }[]): CounterCell[] => {
  const cells = changes.flatMap(({ before, after }) => [
    ...countersOf(after),
    ...(before ? countersOf(before).map((cell) => ({ ...cell, value: -cell.value })) : []),
  ]);
  return [...sumCells(cells).values()].filter((cell) => cell.value !== 0);
};

/** The counters recounted from the cases themselves. */
export const recount = (cases: Iterable<Case>): Map<string, CounterCell> => {
  function* all() {
    for (const item of cases) yield* countersOf(item);
  }
  return sumCells(all());
};
