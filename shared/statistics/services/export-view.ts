import type { CaseExportFilter, ExportJob, ExportStatus } from '#statistics/domain/export-job.ts';
import type { TableFormat } from '#statistics/domain/tables.ts';

/** A case-ledger export as its requester sees it (POST /v1/exports, GET /v1/exports/{id}). */
export interface CaseExportView {
  readonly id: string;
  readonly status: ExportStatus;
  readonly format: TableFormat;
  readonly filter: CaseExportFilter;
  readonly fileName: string;
  readonly createdAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** Cases written, once done. */
  readonly rows?: number;
  /** A presigned GET of the file, once done; it expires at `downloadExpiresAt`, ask again for a new one. */
  readonly downloadUrl?: string;
  readonly downloadExpiresAt?: string;
  readonly error?: string;
}

/** The view of `job`, with its download link when there is one. No worker detail (attempts, lease, key) is shown. */
export const exportView = (
  job: ExportJob,
  download: { readonly url: string; readonly expiresAt: string } | undefined,
): CaseExportView => ({
  id: job.id,
  status: job.status,
  format: job.format,
  filter: job.filter,
  fileName: job.fileName,
  createdAt: job.createdAt,
  ...(job.startedAt ? { startedAt: job.startedAt } : {}),
  ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
  ...(job.rows === undefined ? {} : { rows: job.rows }),
  ...(download ? { downloadUrl: download.url, downloadExpiresAt: download.expiresAt } : {}),
  ...(job.error ? { error: job.error } : {}),
});
