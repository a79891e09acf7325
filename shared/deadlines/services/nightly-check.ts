import type { Case, HistoryEntry } from '#cases/domain/case.ts';
import { CaseVersionConflictError, commitTransition, listOpenCasesDueBefore } from '#cases/services/records.ts';
import { type CheckResult, checkCase } from '#deadlines/domain/deadlines.ts';
import { noticePut } from '#deadlines/store/deadline-notices.ts';
import { logger } from '#platform/logger.ts';
import { countMetric } from '#platform/metrics.ts';
import { loadTimeContext } from './time-context.ts';

export interface NightlyReport {
  readonly checkedAt: string;
  /** Cases read through the deadline index: the cost of the run. */
  readonly read: number;
  /** Cases whose colour changed. */
  readonly colourChanges: number;
  /** Notices raised for the morning run. */
  readonly notices: number;
  /** Clocks started because they were missing. */
  readonly filledIn: number;
  /** Cases someone changed while the check ran (their own write recomputed the colour). */
  readonly skipped: number;
}

const concurrency = 8;

const historyFor = (item: Case, result: CheckResult, at: string): HistoryEntry | undefined => {
  if (!result.colourChanged && result.notices.length === 0 && result.filledIn.length === 0) return undefined;
  return {
    caseId: item.id,
    sequence: item.historyLength + 1,
    at,
    actor: 'nightly-check',
    role: 'system',
    action: 'deadline-check',
    fromState: item.state,
    toState: item.state,
    changes: {
      ...(result.colourChanged ? { colour: { from: item.colour ?? 'blue', to: result.case.colour } } : {}),
      ...(result.notices.length > 0 ? { notices: result.notices.map((notice) => notice.kind) } : {}),
      ...(result.filledIn.length > 0 ? { deadlinesFilledIn: result.filledIn } : {}),
    },
  };
};

/**
 * The nightly check (01:00 Asia/Shanghai): reads the open cases whose next colour change or escalation has come,
 * through the deadline index only, and records for each the new colour, the notices due and any missing deadline.
 * Each case is written in one transaction conditioned on its version; a second run at the same time finds nothing.
 */
export const runNightlyCheck = async (at: Date): Promise<NightlyReport> => {
  const [due, time] = await Promise.all([listOpenCasesDueBefore(at), loadTimeContext(at)]);
  const checkedAt = at.toISOString();
  let colourChanges = 0;
  let notices = 0;
  let filledIn = 0;
  let skipped = 0;

  const check = async (item: Case) => {
    const result = checkCase(item, at, time);
    const history = historyFor(item, result, checkedAt);
    const after: Case = {
      ...result.case,
      version: item.version + 1,
      historyLength: item.historyLength + (history ? 1 : 0),
    };
    try {
      await commitTransition(
        { changes: [{ before: item, after, ...(history ? { history } : {}) }], events: [] },
        result.notices.map((notice) => noticePut(item.id, notice, checkedAt)),
      );
      if (result.colourChanged) {
        colourChanges += 1;
        countMetric('ColourChanged', ['colour', result.case.colour ?? 'blue']);
      }
      for (const notice of result.notices) countMetric('DeadlineNoticeRaised', ['kind', notice.kind]);
      notices += result.notices.length;
      filledIn += result.filledIn.length;
    } catch (error) {
      if (!(error instanceof CaseVersionConflictError)) throw error;
      skipped += 1;
    }
  };

  for (let start = 0; start < due.length; start += concurrency) {
    await Promise.all(due.slice(start, start + concurrency).map(check));
  }
  const report = { checkedAt, read: due.length, colourChanges, notices, filledIn, skipped };
  logger.info('nightly check', { ...report });
  return report;
};
