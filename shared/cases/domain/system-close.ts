/**
 * A case closed by the system rather than by an official's action: a help plan once its enterprise is graded C or
 * better again. The same record as an approval that closes a case — the closing time, the working days it took, the
 * clocks stopped by the time limits, one history entry (role `system`) and the `case-closed` event — so the ledger,
 * the counters and the notices treat it like any other closing.
 */
import { workingDaysBetween } from '#deadlines/domain/calendar.ts';
import { applyTimeLimits, type TimeContext } from '#deadlines/domain/deadlines.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { type Case, isFinishedState } from './case.ts';
import type { Transition } from './workflow.ts';

export interface SystemClose {
  /** What closed it, as the history shows it, e.g. `grade-restored`. */
  readonly action: string;
  readonly reason: string;
  /** What caused it (the assessment that restored the grade …), recorded in the history entry. */
  readonly changes: Readonly<Record<string, unknown>>;
  readonly now: Date;
  readonly time: TimeContext;
  readonly eventId: () => string;
}

/** The transition closing `item`; undefined when it is finished already (nothing to do). */
export const closeBySystem = (item: Case, close: SystemClose): Transition | undefined => {
  if (isFinishedState(item.state)) return undefined;
  const at = close.now.toISOString();
  const moved: Case = {
    ...item,
    state: 'closed',
    closedAt: at,
    workingDaysToClose: workingDaysBetween(
      bureauDate(new Date(item.receivedAt)),
      bureauDate(close.now),
      close.time.calendar,
    ),
    version: item.version + 1,
    historyLength: item.historyLength + 1,
    updatedAt: at,
  };
  const after = applyTimeLimits(item, moved, close.now, close.time);
  return {
    changes: [
      {
        before: item,
        after,
        history: {
          caseId: item.id,
          sequence: after.historyLength,
          at,
          actor: 'system',
          role: 'system',
          action: close.action,
          fromState: item.state,
          toState: 'closed',
          reason: close.reason,
          changes: close.changes,
        },
      },
    ],
    events: [
      { id: close.eventId(), type: 'case-closed', caseId: item.id, occurredAt: at, sequence: after.historyLength },
    ],
  };
};
