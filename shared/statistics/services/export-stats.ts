import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { statsExportQuerySchema } from '#statistics/domain/exports-query.ts';
import { statsFileTitle, statsNotes, statsTable, statsTableRows } from '#statistics/domain/stats-table.ts';
import { safeFileName, tableFormats } from '#statistics/domain/tables.ts';
import { readStats } from './read-stats.ts';
import { tableFile } from './table-files.ts';

/** A file to answer with: bytes, media type, and the name to save it under. */
export interface ExportedFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

/**
 * The statistics of a unit and period (as GET /v1/stats answers them, grouped by department unless `groupBy` says
 * otherwise) as a CSV or Excel table: one row per group and a 合计 row. Who may read them and for which units is
 * `readStats`'s business; a statistics table is a few dozen rows, so it is made in memory and answered at once.
 */
export const exportStats = async (query: unknown, principal: Principal): Promise<ExportedFile> => {
  const { format, groupBy, ...period } = parseWith(statsExportQuerySchema, query);
  const stats = await readStats({ ...period, groupBy: groupBy ?? 'department' }, principal);
  const body = await tableFile(format, statsTable(stats), statsTableRows(stats), { notes: statsNotes(stats) });
  return {
    body,
    contentType: tableFormats[format].contentType,
    fileName: safeFileName(`${statsFileTitle(stats)}.${tableFormats[format].extension}`),
  };
};
