import type { Case, HistoryEntry } from '#cases/domain/case.ts';
import {
  CaseVersionConflictError,
  commitTransition,
  getCase,
  listOpenCasesDueBefore,
} from '#cases/services/records.ts';
import {
  type CheckResult,
  calendarGapYears,
  calendarMissingEvents,
  calendarYearsFor,
  checkCase,
  type Recomputed,
  recomputeEnteredYears,
  type TimeContext,
} from '#deadlines/domain/deadlines.ts';
import { listCalendarYears } from '#deadlines/store/calendar.ts';
import {
  calendarGapPut,
  calendarGapResolvedPut,
  listCasesWithCalendarGap,
  resolveCalendarGaps,
} from '#deadlines/store/calendar-gaps.ts';
import { noticePut } from '#deadlines/store/deadline-notices.ts';
import { bureauYear } from '#platform/domain/time.ts';
import { logger } from '#platform/logger.ts';
import { countMetric } from '#platform/metrics.ts';
import { loadCalendar } from './calendar.ts';
import { loadTimeContext } from './time-context.ts';

export interface NightlyReport {
  readonly checkedAt: string;
  /** Cases read through the deadline index and the calendar-gap index: the cost of the run. */
  readonly read: number;
  /** Cases whose colour changed. */
  readonly colourChanges: number;
  /** Notices raised for the morning run. */
  readonly notices: number;
  /** Clocks started because they were missing. */
  readonly filledIn: number;
  /** Cases whose deadlines were recomputed because a year they lacked now has calendar data. */
  readonly recomputed: number;
  /** Cases someone changed while the check ran (their own write recomputed the colour). */
  readonly skipped: number;
}

const concurrency = 8;

const inBatches = async <T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> => {
  for (let start = 0; start < items.length; start += concurrency) {
    await Promise.all(items.slice(start, start + concurrency).map(run));
  }
};

const without = (years: readonly number[], removed: readonly number[]) =>
  years.filter((year) => !removed.includes(year));

const historyFor = (item: Case, result: CheckResult, recomputed: Recomputed, at: string): HistoryEntry | undefined => {
  const entered = recomputed.entered.length > 0;
  if (!entered && !result.colourChanged && result.notices.length === 0 && result.filledIn.length === 0) {
    return undefined;
  }
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
      ...(entered
        ? {
            calendarEntered: recomputed.entered,
            deadlinesRecomputed: recomputed.clocks,
            calendarMissingYears: {
              from: item.calendarMissingYears ?? [],
              to: result.case.calendarMissingYears ?? [],
            },
          }
        : {}),
      ...(result.colourChanged ? { colour: { from: item.colour ?? 'blue', to: result.case.colour } } : {}),
      ...(result.notices.length > 0 ? { notices: result.notices.map((notice) => notice.kind) } : {}),
      ...(result.filledIn.length > 0 ? { deadlinesFilledIn: result.filledIn } : {}),
    },
  };
};

/**
 * The years whose calendar data now exists and under which flagged cases may be listed: the years around `at` and
 * every year an administrator entered. Returns, for each listed case, the years it is listed under.
 */
const casesWithKnownGaps = async (at: Date): Promise<Map<string, number[]>> => {
  const year = bureauYear(at);
  const entered = (await listCalendarYears()).map((entry) => entry.year);
  const candidates = [...new Set([year - 1, year, year + 1, ...entered])];
  const calendar = await loadCalendar(candidates);
  const known = candidates.filter((candidate) => calendar.hasYear(candidate));
  const lists = await Promise.all(known.map(async (year) => ({ year, caseIds: await listCasesWithCalendarGap(year) })));
  const listed = new Map<string, number[]>();
  for (const { year, caseIds } of lists) {
    for (const caseId of caseIds) listed.set(caseId, [...(listed.get(caseId) ?? []), year]);
  }
  return listed;
};

/** The time context with a calendar covering every year the clocks of a flagged case span. */
const contextFor = async (item: Case, time: TimeContext): Promise<TimeContext> =>
  item.calendarMissingYears?.length ? { ...time, calendar: await loadCalendar(calendarYearsFor(item)) } : time;

/**
 * The nightly check (01:00 Asia/Shanghai): reads the open cases whose next colour change or escalation has come,
 * through the deadline index, and the cases flagged for a year whose calendar has since been entered, through the
 * calendar-gap index — nothing else. For each it recomputes the deadlines that year now decides, and records the new
 * colour, the notices due and any missing deadline; a case newly flagged for a year without data is listed under that
 * year. Each case is written in one transaction conditioned on its version; a second run at the same time finds
 * nothing.
 */
export const runNightlyCheck = async (at: Date): Promise<NightlyReport> => {
  const [due, time, listed] = await Promise.all([
    listOpenCasesDueBefore(at),
    loadTimeContext(at),
    casesWithKnownGaps(at),
  ]);
  const checkedAt = at.toISOString();
  const dueIds = new Set(due.map((item) => item.id));
  const gapCases: Case[] = [];
  await inBatches(
    [...listed.keys()].filter((id) => !dueIds.has(id)),
    async (id) => {
      gapCases.push(await getCase(id));
    },
  );
  let colourChanges = 0;
  let notices = 0;
  let filledIn = 0;
  let recomputedCases = 0;
  let skipped = 0;

  const check = async (item: Case) => {
    const listedUnder = listed.get(item.id) ?? [];
    if (!dueIds.has(item.id) && !calendarGapYears(item).some((year) => listedUnder.includes(year))) {
      // No longer flagged for the years it is listed under (finished since, its deadlines judged as they were; or a
      // clock replaced): it only leaves those lists.
      await resolveCalendarGaps(item.id, listedUnder, at);
      return;
    }
    const recomputed = recomputeEnteredYears(item, await contextFor(item, time));
    const result = checkCase(recomputed.case, at, time);
    const history = historyFor(item, result, recomputed, checkedAt);
    const after: Case = {
      ...result.case,
      version: item.version + 1,
      historyLength: item.historyLength + (history ? 1 : 0),
    };
    const gaps = calendarGapYears(after);
    const resolved = without([...new Set([...(item.calendarMissingYears ?? []), ...listedUnder])], gaps);
    try {
      await commitTransition(
        {
          changes: [{ before: item, after, ...(history ? { history } : {}) }],
          events: calendarMissingEvents(item, after, checkedAt, history?.sequence),
        },
        [
          ...result.notices.map((notice) => noticePut(item.id, notice, checkedAt)),
          ...gaps.map((year) => calendarGapPut(item.id, year)),
          ...resolved.map((year) => calendarGapResolvedPut(item.id, year, at)),
        ],
      );
      if (result.colourChanged) {
        colourChanges += 1;
        countMetric('ColourChanged', ['colour', result.case.colour ?? 'blue']);
      }
      for (const notice of result.notices) countMetric('DeadlineNoticeRaised', ['kind', notice.kind]);
      if (recomputed.entered.length > 0) {
        recomputedCases += 1;
        countMetric('DeadlinesRecomputed', ['year', String(Math.max(...recomputed.entered))]);
      }
      notices += result.notices.length;
      filledIn += result.filledIn.length;
    } catch (error) {
      if (!(error instanceof CaseVersionConflictError)) throw error;
      skipped += 1;
    }
  };

  await inBatches([...due, ...gapCases], check);
  const report = {
    checkedAt,
    read: due.length + gapCases.length,
    colourChanges,
    notices,
    filledIn,
    recomputed: recomputedCases,
    skipped,
  };
  logger.info('nightly check', { ...report });
  return report;
};
