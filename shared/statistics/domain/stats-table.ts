/**
 * The statistics of a unit and period as a table (GET /v1/stats/export): one row per group of the statistics — a unit
 * below, a month, a channel, a category or a kind — and a 合计 row of the whole, with the counts, the rates (a rate
 * without a denominator shows `—`, never 0%), the working days to close and, where the statistics have them, the
 * survey rates.
 */
import type { Rate } from '#platform/domain/rate.ts';
import type { SurveyRates } from '#surveys/domain/figures.ts';
import { type CohortMetric, cohortMetricLabels } from './counters.ts';
import type { Figures } from './figures.ts';
import type { Grouping } from './query.ts';
import type { Column, TableSpec } from './tables.ts';

/** One line of the table: a group's figures, or the whole's. */
export interface StatsTableRow extends Figures {
  readonly label: string;
  /** Absent where the statistics keep none for the group (rows by month, channel, category or kind; 本级). */
  readonly satisfaction?: SurveyRates;
}

/** What the table is made from: the `Stats` that `readStats` answers, as far as the table reads it. */
export interface StatsForTable extends Figures {
  readonly unitName: string;
  readonly from: string;
  readonly to: string;
  readonly groupBy?: Grouping;
  /** What the figures count, in words. */
  readonly basis: string;
  readonly satisfaction: SurveyRates;
  readonly rows: readonly StatsTableRow[];
}

/** The heading of the first column, by what the rows are. */
export const groupHeaders: Readonly<Record<Grouping, string>> = {
  department: '单位',
  month: '月份',
  channel: '来源渠道',
  category: '污染类别',
  kind: '事项类型',
  source: '问题来源',
};

export const totalLabel = '合计';

const count = (metric: CohortMetric, width = 8): Column<StatsTableRow> => ({
  header: cohortMetricLabels[metric],
  kind: 'integer',
  width,
  value: (row) => row.counts[metric],
});

const rateValue = (rate: Rate | undefined): number | null => rate?.value ?? null;

const statsColumns = (groupBy: Grouping): Column<StatsTableRow>[] => [
  { header: groupHeaders[groupBy], kind: 'text', width: 22, value: (row) => row.label },
  count('received'),
  count('accepted'),
  count('rejected', 10),
  count('merged', 10),
  count('closed'),
  count('closedOnTime', 10),
  count('closedLate', 10),
  count('open'),
  count('openOverdue', 10),
  count('extensions'),
  count('returns'),
  count('reviews', 10),
  count('reopened', 10),
  { header: '办结率', kind: 'percent', width: 10, value: (row) => rateValue(row.closureRate) },
  { header: '按期办结率', kind: 'percent', width: 12, value: (row) => rateValue(row.onTimeRate) },
  { header: '平均办结工作日', kind: 'decimal', width: 14, value: (row) => row.daysToClose.average },
  { header: '办结用时中位数（工作日）', kind: 'decimal', width: 22, value: (row) => row.daysToClose.median },
  {
    header: '有效评价数',
    kind: 'integer',
    width: 12,
    value: (row) => (row.satisfaction ? row.satisfaction.evaluated : null),
  },
  { header: '满意率', kind: 'percent', width: 10, value: (row) => rateValue(row.satisfaction?.satisfaction) },
  { header: '解决率', kind: 'percent', width: 10, value: (row) => rateValue(row.satisfaction?.solved) },
  // Last, so that the columns before it keep their places in the files bureaus already read.
  count('transfers', 10),
];

/** The table of a unit's statistics, its first column named for `groupBy` (department when the statistics have none). */
export const statsTable = (stats: Pick<StatsForTable, 'groupBy'>): TableSpec<StatsTableRow> => ({
  sheetName: '统计表',
  columns: statsColumns(stats.groupBy ?? 'department'),
});

/** The rows of the table: each group's, then the 合计 of the whole. */
export const statsTableRows = (stats: StatsForTable): StatsTableRow[] => [
  ...stats.rows,
  {
    label: totalLabel,
    counts: stats.counts,
    transfersByBody: stats.transfersByBody,
    closureRate: stats.closureRate,
    onTimeRate: stats.onTimeRate,
    daysToClose: stats.daysToClose,
    satisfaction: stats.satisfaction,
  },
];

/** `示范市生态环境局统计表_2026-01-01至2026-12-07_按单位.xlsx`. */
export const statsFileTitle = (stats: Pick<StatsForTable, 'unitName' | 'from' | 'to' | 'groupBy'>): string =>
  `${stats.unitName}统计表_${stats.from}至${stats.to}_按${groupHeaders[stats.groupBy ?? 'department']}`;

/**
 * What the table counts and how each rate is computed, line by line (an Excel export's second sheet): so a reader of
 * the file alone can check every figure.
 */
export const statsNotes = (stats: StatsForTable): [string, string][] => [
  ['单位', stats.unitName],
  ['收到日期', `${stats.from} 至 ${stats.to}`],
  ['分组', `按${groupHeaders[stats.groupBy ?? 'department']}，末行为合计`],
  ['统计口径', stats.basis],
  ['办结率', stats.closureRate.formula],
  ['按期办结率', stats.onTimeRate.formula],
  ['办结用时', stats.daysToClose.formula],
  ['满意率', stats.satisfaction.satisfaction.formula],
  ['解决率', stats.satisfaction.solved.formula],
  ['“—”', '没有可计算的分母（如尚无受理件、尚无有效评价），不是 0%；满意率、解决率只按单位分组时逐行给出'],
];
