import { z } from '#platform/domain/zod.ts';
import { statsQuerySchema } from './query.ts';
import { tableFormatNames } from './tables.ts';

/** `GET /v1/stats/export`: the query of GET /v1/stats (by department unless `groupBy` says otherwise) and a format. */
export const statsExportQuerySchema = statsQuerySchema.extend({
  format: z
    .enum(tableFormatNames)
    .default('xlsx')
    .describe('`xlsx`（Excel，默认）或 `csv`（UTF-8，带 BOM）/ the file format'),
});

export const reportFormats = {
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
} as const;
export type ReportFormat = keyof typeof reportFormats;

/** `GET /v1/reports/progress`: a unit and period as for GET /v1/stats, and a format. */
export const progressReportQuerySchema = statsQuerySchema.omit({ groupBy: true }).extend({
  format: z
    .enum(Object.keys(reportFormats) as [ReportFormat, ...ReportFormat[]])
    .default('md')
    .describe('`md`（Markdown，默认）或 `docx`（Word）/ the file format'),
});
