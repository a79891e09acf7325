import type { Writable } from 'node:stream';
import type { CaseSummary } from '#cases/domain/case-summary.ts';
import { listCases } from '#cases/services/list-cases.ts';
import { getOrgUnit, getUser } from '#directory/services/lookup.ts';
import { buckets } from '#platform/catalog/buckets.ts';
import { now } from '#platform/clock.ts';
import { NotFoundError } from '#platform/domain/errors.ts';
import { logger } from '#platform/logger.ts';
import { caseLedgerTable, type LedgerRow } from '#statistics/domain/case-ledger.ts';
import { type ExportJob, exportObjectKey } from '#statistics/domain/export-job.ts';
import { tableFormats } from '#statistics/domain/tables.ts';
import { ExportJobLostError } from '#statistics/store/errors.ts';
import { claimExportJob, completeExportJob, failExportJob } from '#statistics/store/export-jobs.ts';
import { streamToObject } from './export-files.ts';
import { failureReason, isPermanentFailure, type RunOptions, type RunOutcome } from './job-queue.ts';
import { tableWriter } from './table-files.ts';

/** Cases read and written at a time: all the export holds of the ledger at once. */
export const exportPageSize = 1000;

/**
 * The names of the departments and officials the cases name, each read once per export (a missing one: its id is
 * shown instead).
 */
const directoryNames = () => {
  const cache = new Map<string, Promise<string | undefined>>();
  const nameOf = (key: string, read: () => Promise<string>) => {
    let name = cache.get(key);
    if (!name) {
      name = read().catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
      cache.set(key, name);
    }
    return name;
  };
  const unitName = (id: string | undefined) =>
    id ? nameOf(`unit:${id}`, async () => (await getOrgUnit(id)).name) : undefined;
  const userName = (username: string | undefined) =>
    username ? nameOf(`user:${username}`, async () => (await getUser(username)).displayName) : undefined;
  return (items: readonly CaseSummary[]): Promise<LedgerRow[]> =>
    Promise.all(
      items.map(async (summary) => {
        const [departmentName, responsibleName, leadName] = await Promise.all([
          unitName(summary.departmentId),
          userName(summary.responsibleUsername),
          userName(summary.leadUsername),
        ]);
        return {
          summary,
          ...(departmentName ? { departmentName } : {}),
          ...(responsibleName ? { responsibleName } : {}),
          ...(leadName ? { leadName } : {}),
        };
      }),
    );
};

/**
 * Writes the ledger of `job` page by page — each page of case summaries (GET /v1/cases's filters, with the
 * requester's scope) named and written before the next is read — into the streaming writer. Returns the rows written.
 */
const writeLedger = async (job: ExportJob, out: Writable): Promise<number> => {
  const writer = tableWriter(job.format, caseLedgerTable, out);
  const named = directoryNames();
  let cursor: string | undefined;
  do {
    const page = await listCases({ ...job.filter, limit: exportPageSize, cursor }, job.requestedBy);
    await writer.write(await named(page.items));
    cursor = page.nextCursor;
  } while (cursor);
  return writer.end();
};

/**
 * Runs export job `id` from the exports queue: takes the job (conditionally: a job already done or failed is left as
 * it is, so a redelivered message writes nothing), streams the ledger to its one file in S3 (a retry overwrites it),
 * and marks the job done with the row count. A failure no retry can cure fails the job at once; any other is thrown,
 * for SQS to deliver the message again, and fails the job on the last delivery.
 */
export const runCaseExport = async (message: { readonly id: string }, options: RunOptions): Promise<RunOutcome> => {
  const startedAt = now();
  const claim = await claimExportJob(message.id, startedAt, new Date(startedAt.getTime() + options.leaseMs));
  if (!claim.taken) {
    logger.info('export job already finished', { id: message.id, status: claim.job.status });
    return 'already-finished';
  }
  const { job } = claim;
  const objectKey = exportObjectKey(job, buckets.attachments.exportPrefix);
  try {
    const rows = await streamToObject(
      { key: objectKey, contentType: tableFormats[job.format].contentType, fileName: job.fileName },
      (out) => writeLedger(job, out),
    );
    await completeExportJob(job.id, job.attempt, { rows, objectKey, finishedAt: now() });
    logger.info('export job done', { id: job.id, rows, attempt: job.attempt });
    return 'done';
  } catch (error) {
    if (error instanceof ExportJobLostError) throw error;
    const permanent = isPermanentFailure(error);
    if (permanent || options.lastDelivery) {
      await failExportJob(job.id, { attempt: job.attempt }, failureReason(error, '导出'), now());
    }
    if (permanent) {
      logger.warn('export job failed', { id: job.id, error });
      return 'failed';
    }
    throw error;
  }
};
