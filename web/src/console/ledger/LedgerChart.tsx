/**
 * The same counts as the board, as a stacked bar per unit (ECharts, only the parts used: bars, grid, legend, tooltip,
 * SVG renderer). Units down the side, in the board's order. The chart is one image to assistive technology, named by a summary of its counts; selecting a bar
 * selects that unit and colour as the board does.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { colourLabels, colourOrder, colourTags } from '../../common/labels.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import type { BoardRow, Selection } from './board.ts';
import { ledgerMessages } from './messages.ts';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const fontFamily = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans SC', sans-serif";

export const LedgerChart = ({
  rows,
  onSelect,
}: {
  rows: readonly BoardRow[];
  onSelect: (selection: Selection) => void;
}) => {
  const t = useMessages(ledgerMessages);
  const { language } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const option: Option = {
      textStyle: { fontFamily },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { color: '#262626' } },
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => row.name),
        axisLabel: { color: '#262626' },
      },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#262626' } },
      series: colourOrder.map((colour) => ({
        type: 'bar',
        name: colourLabels[colour][language],
        stack: 'colours',
        barMaxWidth: 22,
        itemStyle: { color: colourTags[colour].background },
        data: rows.map((row) => row.counts[colour]),
      })),
    };
    instance.setOption(option, true);
    instance.off('click');
    instance.on('click', (params) => {
      const row = rows[params.dataIndex];
      const colour = colourOrder[params.seriesIndex ?? -1];
      if (row && colour) select.current({ row: row.key, colour });
    });
  }, [rows, language]);

  const summary = rows
    .map(
      (row) =>
        `${row.name} ${colourOrder.map((colour) => `${colourLabels[colour][language].replace(/（.*）|\s*\(.*\)/, '')} ${row.counts[colour]}`).join(' ')}`,
    )
    .join('；');
  return (
    <div
      ref={element}
      role="img"
      aria-label={t('chartLabel', { summary })}
      data-testid="ledger-chart"
      style={{ width: '100%', height: Math.max(240, 80 + rows.length * 34) }}
    />
  );
};
