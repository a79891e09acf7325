import { describe, expect, it } from 'vitest';
import {
  bureauMinute,
  bureauWallClock,
  type Column,
  csvHeader,
  csvRow,
  csvText,
  safeFileName,
  type TableSpec,
  utf8Bom,
} from '#statistics/domain/tables.ts';

describe('table cells as CSV text', () => {
  it('writes rates as percentages, and a rate or average without a value as —, never 0%', () => {
    expect(csvText('percent', 0.9853)).toBe('98.5%');
    expect(csvText('percent', 1)).toBe('100%');
    expect(csvText('percent', null)).toBe('—');
    expect(csvText('decimal', null)).toBe('—');
    expect(csvText('integer', 0)).toBe('0');
    expect(csvText('text', null)).toBe('');
  });

  it('writes instants in Beijing time, minutes only', () => {
    const instant = new Date('2026-03-01T17:30:00Z');

    expect(csvText('datetime', instant)).toBe('2026-03-02 01:30');
    expect(bureauMinute(instant)).toBe('2026-03-02 01:30');
    expect(bureauWallClock(instant).toISOString()).toBe('2026-03-02T01:30:00.000Z');
  });

  it('keeps text a spreadsheet would run as a formula as text (CSV injection)', () => {
    for (const text of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)']) {
      expect(csvText('text', text).startsWith("'"), text).toBe(true);
    }
    expect(csvText('text', '城东街道')).toBe('城东街道');
  });
});

describe('CSV records', () => {
  const table: TableSpec<{ name: string; note: string }> = {
    sheetName: '表',
    columns: [
      { header: '名称', kind: 'text', width: 10, value: (row) => row.name },
      { header: '备注', kind: 'text', width: 10, value: (row) => row.note },
    ] satisfies Column<{ name: string; note: string }>[],
  };

  it('quote fields with commas, quotes or line breaks, and end with CRLF', () => {
    expect(csvHeader(table)).toBe('名称,备注\r\n');
    expect(csvRow(table, { name: '甲,乙', note: '他说"好"\n第二行' })).toBe('"甲,乙","他说""好""\n第二行"\r\n');
  });

  it('start with a byte-order mark, so Excel reads UTF-8', () => {
    expect(Buffer.from(utf8Bom, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

it('file names lose the characters a file system refuses', () => {
  expect(safeFileName('台账/城东:分局*?.xlsx')).toBe('台账_城东_分局__.xlsx');
});
