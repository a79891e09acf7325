/**
 * Writes a table (domain/tables.ts) as CSV or Excel into a stream, a batch of rows at a time, so that a ledger of 100k
 * cases never sits in memory at once: CSV record by record, Excel through exceljs's streaming workbook writer (each row
 * committed as it is added). After each batch the writer waits while the stream it writes to is full, so a slow
 * reader (an S3 upload) holds the rows back rather than letting them pile up.
 *
 * The Excel sheet: Chinese headers in a bold, frozen first row with a filter, each column its width and number format,
 * instants as real dates (Beijing wall-clock time: Excel's dates have no time zone), rates as percentages; a rate or
 * average with nothing to compute shows `—`.
 */
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  bureauWallClock,
  type CellKind,
  type CellValue,
  csvHeader,
  csvRow,
  noValue,
  type TableFormat,
  type TableSpec,
  utf8Bom,
} from '#statistics/domain/tables.ts';

export interface TableWriter<Row> {
  /** Adds rows; resolves once the stream can take more. */
  write(rows: readonly Row[]): Promise<void>;
  /** Ends the file (and the stream); resolves with the number of rows written. */
  end(): Promise<number>;
}

export interface TableFileOptions {
  /** A second sheet of the workbook, `口径说明`: one line per item and its explanation (ignored by CSV). */
  readonly notes?: readonly (readonly [string, string])[];
}

/** Waits while `stream` is full; a stream that was destroyed (its reader failed) stops the writer with its error. */
const drained = async (stream: Writable): Promise<void> => {
  if (stream.destroyed) throw stream.errored ?? new Error('the stream was closed before the table was written');
  if (stream.writableNeedDrain) await once(stream, 'drain');
};

const csvWriter = <Row>(table: TableSpec<Row>, out: Writable): TableWriter<Row> => {
  let rows = 0;
  out.write(utf8Bom + csvHeader(table));
  return {
    write: async (batch) => {
      if (batch.length > 0) out.write(batch.map((row) => csvRow(table, row)).join(''));
      rows += batch.length;
      await drained(out);
    },
    end: async () => {
      out.end();
      return rows;
    },
  };
};

const numberFormats: Readonly<Record<CellKind, string | undefined>> = {
  text: undefined,
  integer: '0',
  decimal: '0.0',
  percent: '0.0%',
  datetime: 'yyyy-mm-dd hh:mm',
};

const xlsxValue = (kind: CellKind, value: CellValue): ExcelJS.CellValue => {
  if (value === null) return kind === 'percent' || kind === 'decimal' ? noValue : null;
  if (value instanceof Date) return bureauWallClock(value);
  return value;
};

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E8' } };

const xlsxWriter = <Row>(table: TableSpec<Row>, out: Writable, options: TableFileOptions): TableWriter<Row> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Greenline 绿线督办';
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, index) => {
    const numFmt = numberFormats[column.kind];
    return { header: column.header, key: `c${index}`, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = headerFill;
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  let rows = 0;
  return {
    write: async (batch) => {
      for (const row of batch) {
        sheet.addRow(table.columns.map((column) => xlsxValue(column.kind, column.value(row)))).commit();
      }
      rows += batch.length;
      await drained(out);
    },
    end: async () => {
      sheet.commit();
      if (options.notes && options.notes.length > 0) {
        const notes = workbook.addWorksheet('口径说明');
        notes.columns = [
          { header: '项目', key: 'item', width: 16 },
          { header: '说明', key: 'text', width: 110, style: { alignment: { wrapText: true, vertical: 'top' } } },
        ];
        notes.getRow(1).font = { bold: true };
        for (const [item, text] of options.notes) notes.addRow([item, text]).commit();
        notes.commit();
      }
      await workbook.commit();
      return rows;
    },
  };
};

/** A writer of `table` in `format` into `out`; it writes the header at once. */
export const tableWriter = <Row>(
  format: TableFormat,
  table: TableSpec<Row>,
  out: Writable,
  options: TableFileOptions = {},
): TableWriter<Row> => (format === 'csv' ? csvWriter(table, out) : xlsxWriter(table, out, options));

/** A small table as a file in memory (a statistics table: a few dozen rows), for an answer of its own. */
export const tableFile = async <Row>(
  format: TableFormat,
  table: TableSpec<Row>,
  rows: readonly Row[],
  options: TableFileOptions = {},
): Promise<Buffer> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(out, 'end');
  const writer = tableWriter(format, table, out, options);
  await writer.write(rows);
  await writer.end();
  await ended;
  return Buffer.concat(chunks);
};
