/**
 * A reconciliation of the statistics counters as a background job (POST /v1/admin/reconcile): what was asked (check
 * only, or repair and why), by whom, how far it got, and — once done — what the recount found. The job goes queued →
 * running → done (with its result) or failed (with why), exactly as a case-ledger export job does (export-job.ts): a
 * worker takes a queued job, or a running one whose worker's lease ran out (it died), and only the worker holding the
 * job may finish it. The job is also the reconciliation's record: who asked for a repair and why stays with what it
 * found and repaired.
 */
import type { Principal } from '#platform/domain/principal.ts';
import type { EnforcementDifference } from './enforcement.ts';
import type { CounterDifference } from './reconciliation.ts';

export const reconciliationStatusLabels = {
  queued: '排队中',
  running: '核对中',
  done: '已完成',
  failed: '失败',
} as const;
export type ReconciliationStatus = keyof typeof reconciliationStatusLabels;

/** The enforcement counters (执法统计) recounted from the inspection and enforcement records. */
export interface EnforcementRecount {
  /** Inspections and enforcement cases read. */
  readonly recordsRead: number;
  /** Counter items (a unit's day) read. */
  readonly countersRead: number;
  readonly differences: readonly EnforcementDifference[];
}

/** What a recount found and, for a repair, repaired. */
export interface ReconciliationResult {
  readonly casesRead: number;
  readonly countersRead: number;
  /** Items the scan read, and the read capacity it used (DynamoDB's own figure). */
  readonly itemsScanned: number;
  readonly capacityUnits: number;
  /** The case counters that differ: the first of them (see {@link shownDifferences}); `differencesFound` counts all. */
  readonly differences: readonly CounterDifference[];
  readonly differencesFound: number;
  readonly enforcement: EnforcementRecount & { readonly differencesFound: number };
  /** Whether the differences were repaired (each counter brought to its recount). */
  readonly repaired: boolean;
}

export interface ReconciliationJob {
  readonly id: string;
  readonly status: ReconciliationStatus;
  readonly requestedAt: string;
  /**
   * Who asked, as their token said then: whether they might check or repair was decided when they asked; the
   * enforcement recount covers the organisation of their unit.
   */
  readonly requestedBy: Principal;
  /** Whether to repair what differs, and why (required to repair). */
  readonly repair: boolean;
  readonly reason?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** What the recount found, once done. */
  readonly result?: ReconciliationResult;
  /** Why it failed, in words for the requester (never a raw error). */
  readonly error?: string;
  /** How many workers have taken it; the one holding it is the one whose attempt this is. */
  readonly attempt: number;
  /** Until when the running worker holds it: after that another may take it over. */
  readonly leaseUntil?: string;
}

/** Differences listed at most, of each kind: the rest are counted (`differencesFound`). */
export const differencesShown = 1_000;

/**
 * Of each kind of difference, at most this much JSON is kept with the job: the two lists and the rest of the job stay
 * well inside DynamoDB's 400 KB item whatever the unit ids are like (1,000 differences are usually some 100 KB).
 */
export const differencesBudgetBytes = 150_000;

const encoder = new TextEncoder();

/** The differences kept with the job and shown: the first {@link differencesShown}, within the bytes' budget. */
export const shownDifferences = <T>(differences: readonly T[]): T[] => {
  const shown: T[] = [];
  let bytes = 2;
  for (const difference of differences) {
    if (shown.length >= differencesShown) break;
    bytes += encoder.encode(JSON.stringify(difference)).length + 1;
    if (bytes > differencesBudgetBytes) break;
    shown.push(difference);
  }
  return shown;
};

/**
 * A job no worker finished within a day of being asked for (the queue keeps a message a day, and three tries of
 * 900 s fit well within it) never will: it is shown as failed rather than queued or running for ever.
 */
export const staleAfterMs = 24 * 3_600_000;

export const staleReconciliationError = '核对未能在一天内完成，请重新申请';

/** The job as it should be seen at `at`: a stale unfinished job as failed. */
export const reconciliationAsSeen = (job: ReconciliationJob, at: Date): ReconciliationJob =>
  (job.status === 'queued' || job.status === 'running') && at.getTime() - Date.parse(job.requestedAt) > staleAfterMs
    ? { ...job, status: 'failed', error: staleReconciliationError }
    : job;

/**
 * A reconciliation as the API shows it (POST /v1/admin/reconcile, GET /v1/admin/reconciliations/{id}): the job, who
 * asked (their user name), and once done what the recount found, as the synchronous reconciliation used to answer.
 */
export interface ReconciliationView extends Partial<ReconciliationResult> {
  readonly id: string;
  readonly status: ReconciliationStatus;
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly repair: boolean;
  readonly reason?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly error?: string;
}

/** The view of `job`. No worker detail (attempts, lease) is shown. */
export const reconciliationView = (job: ReconciliationJob): ReconciliationView => ({
  id: job.id,
  status: job.status,
  requestedAt: job.requestedAt,
  requestedBy: job.requestedBy.username,
  repair: job.repair,
  ...(job.reason ? { reason: job.reason } : {}),
  ...(job.startedAt ? { startedAt: job.startedAt } : {}),
  ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
  ...(job.status === 'done' && job.result ? job.result : {}),
  ...(job.error ? { error: job.error } : {}),
});
