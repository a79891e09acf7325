/**
 * A case-ledger export job (POST /v1/exports): what was asked (format and the filters of GET /v1/cases), by whom, and
 * how far it got. The job goes queued → running → done (with its row count) or failed (with why); a worker takes a
 * queued job, or a running one whose worker's lease ran out (it died), and only the worker holding the job may finish
 * it. Files are written by the worker (services/run-case-export.ts) to one key per job, so a retry overwrites, never
 * adds, a file.
 */
import { caseListQuerySchema } from '#cases/domain/case-query.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { z } from '#platform/domain/zod.ts';
import { safeFileName, type TableFormat, tableFormatNames, tableFormats } from './tables.ts';

/** The filters of GET /v1/cases, without its paging: an export reads every page. */
export const caseExportFilterSchema = caseListQuerySchema
  .omit({ cursor: true, limit: true })
  .describe('与 GET /v1/cases 相同的筛选条件（不含分页）/ the filters of GET /v1/cases, without paging');
export type CaseExportFilter = z.output<typeof caseExportFilterSchema>;

export const caseExportRequestSchema = z
  .object({
    format: z.enum(tableFormatNames).describe('`csv`（UTF-8，带 BOM）或 `xlsx`（Excel）/ the file format'),
    filter: caseExportFilterSchema.default({}),
  })
  .strict();
export type CaseExportRequest = z.output<typeof caseExportRequestSchema>;

export const exportStatusLabels = {
  queued: '排队中',
  running: '导出中',
  done: '已完成',
  failed: '失败',
} as const;
export type ExportStatus = keyof typeof exportStatusLabels;

export interface ExportJob {
  readonly id: string;
  readonly format: TableFormat;
  readonly filter: CaseExportFilter;
  /** Who asked, as their token said then: the worker lists the cases with exactly this scope. */
  readonly requestedBy: Principal;
  /** The name the file is saved under. */
  readonly fileName: string;
  readonly status: ExportStatus;
  readonly createdAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** Cases written, once done. */
  readonly rows?: number;
  /** Where the file is, once done. */
  readonly objectKey?: string;
  /** Why it failed, in words for the requester (never a raw error). */
  readonly error?: string;
  /** How many workers have taken it; the one holding it is the one whose attempt this is. */
  readonly attempt: number;
  /** Until when the running worker holds it: after that another may take it over. */
  readonly leaseUntil?: string;
}

/** The key of a job's file: one per job, so a retried job overwrites it rather than adding another. */
export const exportObjectKey = (job: Pick<ExportJob, 'id' | 'format'>, prefix: string): string =>
  `${prefix}${job.id}.${tableFormats[job.format].extension}`;

/** `督办事项台账_城东分局_20261207-0930.xlsx`: what was exported, of which unit (or person), when (Beijing time). */
export const exportFileName = (scopeName: string, format: TableFormat, createdAt: Date): string => {
  const stamp = new Date(createdAt.getTime() + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace(/-/g, '')
    .replace('T', '-')
    .replace(':', '');
  return safeFileName(`督办事项台账_${scopeName}_${stamp}.${tableFormats[format].extension}`);
};

/**
 * A job no worker finished within a day of being asked for (the queue keeps a message a day, and three tries of
 * 900 s fit well within it) never will: it is shown as failed rather than queued or running for ever.
 */
export const staleAfterMs = 24 * 3_600_000;

export const staleJobError = '导出未能在一天内完成，请重新申请';

/** The job as its requester should see it at `at`: a stale unfinished job as failed. */
export const jobAsSeen = (job: ExportJob, at: Date): ExportJob =>
  (job.status === 'queued' || job.status === 'running') && at.getTime() - Date.parse(job.createdAt) > staleAfterMs
    ? { ...job, status: 'failed', error: staleJobError }
    : job;
