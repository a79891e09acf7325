/**
 * Tables as the exports write them, whatever the format: columns with a Chinese header, a kind that says how a value is
 * shown, a width in characters, and how a row gives its value. The writers (services/table-files.ts) turn them into CSV
 * or an Excel sheet; the text of a CSV cell is decided here, so it is tested without any file.
 */

/** How a column's values are shown: text, whole numbers, one decimal, a rate (0–1, shown as a percentage), an instant. */
export type CellKind = 'text' | 'integer' | 'decimal' | 'percent' | 'datetime';

/** An instant (a `Date`) for `datetime`; a number for numbers and rates; null when there is none. */
export type CellValue = string | number | Date | null;

export interface Column<Row> {
  readonly header: string;
  readonly kind: CellKind;
  /** In characters, as Excel counts them (a Chinese character is about two). */
  readonly width: number;
  readonly value: (row: Row) => CellValue;
}

export interface TableSpec<Row> {
  /** The sheet's name in a workbook: at most 31 characters, none of `[]:*?/\`. */
  readonly sheetName: string;
  readonly columns: readonly Column<Row>[];
}

/**
 * What a number or rate with no value shows: `—`, the bureau's mark for "nothing to compute" (a rate without a
 * denominator), never 0 or 0%.
 */
export const noValue = '—';

const beijingOffsetMs = 8 * 3_600_000;

/**
 * The wall-clock time in Beijing of `instant`, as a `Date` whose UTC fields read it: what a spreadsheet cell holds,
 * since Excel's dates have no time zone (China keeps no summer time, so the offset is always +8 h).
 *
 * @example bureauWallClock(new Date('2026-03-02T02:00:00Z')).toISOString() // '2026-03-02T10:00:00.000Z'
 */
export const bureauWallClock = (instant: Date): Date => new Date(instant.getTime() + beijingOffsetMs);

/** `2026-03-02 10:00`, Beijing time: a form Excel reads as a date when it opens a CSV. */
export const bureauMinute = (instant: Date): string =>
  bureauWallClock(instant).toISOString().slice(0, 16).replace('T', ' ');

/** A rate 0–1 as the bureau writes it: `98.5%`, at most one decimal. */
export const percentText = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

/**
 * Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first) is kept as text
 * with a leading apostrophe: a CSV cell comes from what the public typed (a town, say), and must never run as a formula
 * when the file is opened (CSV injection). Numbers are not text and stay as they are.
 */
const defused = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The text of a cell in a CSV file. */
export const csvText = (kind: CellKind, value: CellValue): string => {
  if (value === null) return kind === 'percent' || kind === 'decimal' ? noValue : '';
  if (value instanceof Date) return bureauMinute(value);
  if (typeof value === 'number') return kind === 'percent' ? percentText(value) : String(value);
  return defused(value);
};

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** One CSV record of `texts`, with its CRLF. */
export const csvRecord = (texts: readonly string[]): string => `${texts.map(csvField).join(',')}\r\n`;

/** The header record of a table. */
export const csvHeader = <Row>(table: TableSpec<Row>): string =>
  csvRecord(table.columns.map((column) => column.header));

/** The record of one row. */
export const csvRow = <Row>(table: TableSpec<Row>, row: Row): string =>
  csvRecord(table.columns.map((column) => csvText(column.kind, column.value(row))));

/**
 * The byte-order mark a CSV file starts with: without it Excel reads UTF-8 as the system's code page (GBK on a Chinese
 * Windows) and shows the headers garbled.
 */
export const utf8Bom = '\uFEFF';

/** The formats a table is exported in, with the media type and extension of each. */
export const tableFormats = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', label: 'CSV' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    label: 'Excel',
  },
} as const;
export type TableFormat = keyof typeof tableFormats;
export const tableFormatNames = Object.keys(tableFormats) as [TableFormat, ...TableFormat[]];

/** A file name without the characters Windows, macOS or a browser would refuse or change. */
export const safeFileName = (name: string): string =>
  name
    .replace(/[\\/:*?"<>|]|\p{Cc}/gu, '_')
    .replace(/\s+/g, ' ')
    .trim();
