import { ulid } from 'ulid';
import { listCases } from '#cases/services/list-cases.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { logger } from '#platform/logger.ts';
import {
  type CaseExportFilter,
  caseExportRequestSchema,
  type ExportJob,
  exportFileName,
} from '#statistics/domain/export-job.ts';
import { createExportJob, failExportJob } from '#statistics/store/export-jobs.ts';
import { sendExportMessage } from './export-files.ts';
import { type CaseExportView, exportView } from './export-view.ts';

/** Whose cases the file holds, for its name: the unit asked for (or the caller's), or the responsible person. */
const scopeNameOf = async (filter: CaseExportFilter, principal: Principal): Promise<string> =>
  filter.assignee && !filter.unit ? filter.assignee : (await getOrgUnit(filter.unit ?? principal.unitId)).name;

/**
 * Asks for the case ledger of the filters of GET /v1/cases as a CSV or Excel file, written by the export worker
 * (services/run-case-export.ts) from the exports queue, so that however many cases match, no API request waits for it.
 * The filters are checked now exactly as GET /v1/cases checks them — a unit outside the caller's scope is refused here,
 * not in the worker — by listing the first case; the worker lists them all with the caller's scope as it is now.
 */
export const requestCaseExport = async (body: unknown, principal: Principal): Promise<CaseExportView> => {
  const { format, filter } = parseWith(caseExportRequestSchema, body);
  await listCases({ ...filter, limit: 1 }, principal);
  const createdAt = now();
  const job: ExportJob = {
    id: ulid(createdAt.getTime()),
    format,
    filter,
    requestedBy: { username: principal.username, roles: principal.roles, unitId: principal.unitId },
    fileName: exportFileName(await scopeNameOf(filter, principal), format, createdAt),
    status: 'queued',
    createdAt: createdAt.toISOString(),
    attempt: 0,
  };
  await createExportJob(job);
  try {
    await sendExportMessage({ type: 'case-export', id: job.id });
  } catch (error) {
    // No worker would ever take the job: record it as failed, and answer 500.
    logger.error('export job not queued', { id: job.id, error });
    await failExportJob(job.id, 'queued', '导出任务未能排队，请重新申请', createdAt).catch(() => undefined);
    throw error;
  }
  logger.info('export job queued', { id: job.id, format, by: principal.username });
  return exportView(job, undefined);
};
