/**
 * The three charts of the statistics page as ECharts options, each with the summary that names it to assistive
 * technology: received and closed by month, by pollution category, and closed and open by unit below with the on-time
 * rate. Pure: figures in, option out.
 */
import type { Stats, StatsRow } from '../../api/schema.gen.ts';
import { type Category, categoryLabels, colourTags } from '../../common/labels.ts';
import type { Language } from '../../i18n/i18n.tsx';
import type { StatisticsMessage } from './messages.ts';
import type { ChartOption } from './StatsChart.tsx';
import { monthLabel, monthsBetween } from './view.ts';

/** The page's words in the language shown (`statisticsMessages[language]`). */
type Words = Readonly<Record<StatisticsMessage, string>>;

export interface Chart {
  readonly option: ChartOption;
  readonly summary: string;
  /** Rows (bars, months) drawn: sizes the chart. */
  readonly rows: number;
}

const fontFamily = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans SC', sans-serif";
const text = '#262626';
const colours = {
  received: '#1f5fbf',
  closed: colourTags.green.background,
  open: colourTags.blue.background,
  overdue: colourTags.red.background,
  other: '#8c8c8c',
  onTime: '#ad6800',
};

const base = {
  textStyle: { fontFamily },
  legend: { top: 0, textStyle: { color: text } },
  tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
};

/** Received and, of them, closed, for every month of the period (months without cases as 0). */
export const trendChart = (stats: Stats, words: Words, language: Language): Chart => {
  const months = monthsBetween(stats.from, stats.to);
  const withYear = stats.from.slice(0, 4) !== stats.to.slice(0, 4);
  const byMonth = new Map(stats.rows.map((row) => [row.key, row]));
  const received = months.map((month) => byMonth.get(month)?.counts.received ?? 0);
  const closed = months.map((month) => byMonth.get(month)?.counts.closed ?? 0);
  const labels = months.map((month) => monthLabel(month, language, withYear));
  return {
    rows: months.length,
    summary: labels
      .map((label, index) => `${label} ${words.received} ${received[index]} ${words.closedOfReceived} ${closed[index]}`)
      .join('；'),
    option: {
      ...base,
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { color: text } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text } },
      series: [
        {
          type: 'bar',
          name: words.received,
          barMaxWidth: 28,
          itemStyle: { color: colours.received },
          data: received,
        },
        {
          type: 'line',
          name: words.closedOfReceived,
          symbolSize: 7,
          lineStyle: { width: 2 },
          itemStyle: { color: colours.closed },
          data: closed,
        },
      ],
    },
  };
};

const categoryName = (row: StatsRow, language: Language): string =>
  row.key in categoryLabels ? categoryLabels[row.key as Category][language] : row.label;

/** Each category's complaints as they stand: closed, open, rejected or merged (together, what was received). */
export const categoryChart = (stats: Stats, words: Words, language: Language): Chart => {
  const rows = [...stats.rows].sort((a, b) => b.counts.received - a.counts.received);
  const names = rows.map((row) => categoryName(row, language));
  const parts = [
    { name: words.closed, color: colours.closed, of: (row: StatsRow) => row.counts.closed },
    { name: words.open, color: colours.open, of: (row: StatsRow) => row.counts.open },
    {
      name: words.rejectedOrMerged,
      color: colours.other,
      of: (row: StatsRow) => row.counts.rejected + row.counts.merged,
    },
  ];
  return {
    rows: rows.length,
    summary: rows
      .map(
        (row, index) =>
          `${names[index]} ${words.received} ${row.counts.received}，${parts.map((part) => `${part.name} ${part.of(row)}`).join(' ')}`,
      )
      .join('；'),
    option: {
      ...base,
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { color: text } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: text } },
      series: parts.map((part) => ({
        type: 'bar' as const,
        name: part.name,
        stack: 'received',
        barMaxWidth: 22,
        itemStyle: { color: part.color },
        data: rows.map(part.of),
      })),
    },
  };
};

/**
 * The units below (and the unit's own cases, 本级, when it has any) as stacked bars of closed, open on track and open
 * overdue, with the on-time rate as a line on a percent axis; a unit without a rate has no point, never 0%.
 */
export const departmentChart = (stats: Stats, words: Words, ownName: string): Chart => {
  const rows = stats.rows.filter((row) => row.key !== stats.unitId || row.counts.received > 0);
  const names = rows.map((row) => (row.key === stats.unitId ? ownName : row.label));
  const parts = [
    { name: words.closed, color: colours.closed, of: (row: StatsRow) => row.counts.closed },
    { name: words.openOnTrack, color: colours.open, of: (row: StatsRow) => row.counts.open - row.counts.openOverdue },
    { name: words.openOverdue, color: colours.overdue, of: (row: StatsRow) => row.counts.openOverdue },
  ];
  const onTime = rows.map((row) =>
    row.onTimeRate.value === null ? null : Math.round(row.onTimeRate.value * 1000) / 10,
  );
  return {
    rows: rows.length,
    summary: rows
      .map(
        (row, index) =>
          `${names[index]} ${parts.map((part) => `${part.name} ${part.of(row)}`).join(' ')} ${words.onTimeRate} ${row.onTimeRate.percent}`,
      )
      .join('；'),
    option: {
      ...base,
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { color: text, interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: { color: text } },
        {
          type: 'value',
          min: 0,
          max: 100,
          axisLabel: { color: text, formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        ...parts.map((part) => ({
          type: 'bar' as const,
          name: part.name,
          stack: 'cases',
          barMaxWidth: 28,
          itemStyle: { color: part.color },
          data: rows.map(part.of),
        })),
        {
          type: 'line',
          name: words.onTimeRate,
          yAxisIndex: 1,
          connectNulls: false,
          symbolSize: 8,
          itemStyle: { color: colours.onTime },
          tooltip: { valueFormatter: (value) => (typeof value === 'number' ? `${value}%` : '—') },
          data: onTime.map((value) => value ?? '-'),
        },
      ],
    },
  };
};
