import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { jobAsSeen } from '#statistics/domain/export-job.ts';
import { ExportJobNotFoundError } from '#statistics/store/errors.ts';
import { getExportJob } from '#statistics/store/export-jobs.ts';
import { presignDownload } from './export-files.ts';
import { type CaseExportView, exportView } from './export-view.ts';

/** How long a download link works: long enough to click, short enough that a forwarded link soon stops working. */
export const downloadLinkSeconds = 15 * 60;

/**
 * An export job as its requester sees it: its status, and once done the row count and a fresh download link. Only the
 * requester may see it — the file holds what their scope allowed when they asked, which another official's may not —
 * so for anyone else it does not exist (404, not 403: the id tells nothing).
 */
export const readCaseExport = async (id: string, principal: Principal): Promise<CaseExportView> => {
  const stored = await getExportJob(id);
  if (stored.requestedBy.username !== principal.username)
    throw new ExportJobNotFoundError(`导出任务 ${id} 不存在或已过期`);
  const at = now();
  const job = jobAsSeen(stored, at);
  if (job.status !== 'done' || !job.objectKey) return exportView(job, undefined);
  const url = await presignDownload(job.objectKey, { signedAt: at, expiresInSeconds: downloadLinkSeconds });
  return exportView(job, { url, expiresAt: new Date(at.getTime() + downloadLinkSeconds * 1000).toISOString() });
};
