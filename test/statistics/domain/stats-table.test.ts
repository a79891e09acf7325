import { describe, expect, it } from 'vitest';
import { statsFileTitle, statsNotes, statsTable, statsTableRows } from '#statistics/domain/stats-table.ts';
import { csvRow } from '#statistics/domain/tables.ts';
import { aStatsTable } from '../support/figures.ts';

describe('the statistics table', () => {
  it('has Chinese headers, the first naming the grouping', () => {
    const headers = statsTable({ groupBy: 'department' }).columns.map((column) => column.header);

    expect(headers.slice(0, 6)).toEqual(['单位', '收到', '受理', '不予受理', '合并办理', '办结']);
    expect(headers).toEqual(expect.arrayContaining(['移交线索', '办结率', '按期办结率', '平均办结工作日', '满意率']));
    expect(statsTable({ groupBy: 'month' }).columns[0]?.header).toBe('月份');
    expect(statsTable({}).columns[0]?.header).toBe('单位');
  });

  it('has one row per group and a 合计 row of the whole, with the rates and their blanks', () => {
    const stats = aStatsTable();
    const table = statsTable(stats);

    const rows = statsTableRows(stats);
    const csv = rows.map((row) => csvRow(table, row));

    expect(rows.map((row) => row.label)).toEqual(['本级', '城东分局', '城西分局', '合计']);
    // 城东分局: 8 of 10 accepted closed; 7 on time of 8 closed + 1 open overdue.
    expect(csv[1]).toMatch(/^城东分局,12,10,1,1,8,7,1,2,1,0,0,0,0,80%,77\.8%,6\.8,5,8,87\.5%,/);
    // 本级: nothing accepted, nothing closed, no survey kept by row: — rather than 0%; no transfer (the last column).
    expect(csv[0]).toMatch(/^本级,1,0,0,0,0,0,0,0,0,0,0,0,0,—,—,—,—,,—,—,0\r\n$/);
    // 城西分局: a survey pending and none answered: no satisfaction rate, not 0%.
    expect(csv[2]).toMatch(/,0,—,—,0\r\n$/);
    expect(csv[3]).toMatch(/^合计,16,13,/);
  });

  it('names its file and explains each rate', () => {
    const stats = aStatsTable();

    expect(statsFileTitle(stats)).toBe('示范市生态环境局统计表_2026-01-01至2026-12-07_按单位');
    expect(statsNotes(stats).map(([item]) => item)).toEqual(
      expect.arrayContaining(['统计口径', '办结率', '按期办结率', '满意率']),
    );
  });
});
