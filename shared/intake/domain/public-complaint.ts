import type { z } from 'zod';
import { type Case, type CaseState, type HistoryEntry, isFinishedState } from '#cases/domain/case.ts';
import { categoryLabels, stateLabels } from '#cases/domain/labels.ts';
import { newComplaintSchema } from './complaint-input.ts';

/** What the public web form sends: the complaint without channel and receipt time, which the server sets. */
export const publicComplaintSchema = newComplaintSchema.omit({ channel: true, receivedAt: true });

export type PublicComplaint = z.output<typeof publicComplaintSchema>;

export const trackingCodePattern = /^[0-9A-HJKMNP-TV-Z]{12}$/;

export interface PublicProgressStep {
  readonly at: string;
  readonly state: CaseState;
  readonly label: string;
}

/** What a complainant sees with their tracking code and secret: state, dates and the public reply — nothing internal. */
export interface PublicComplaintView {
  readonly trackingCode: string;
  readonly number: string;
  readonly state: CaseState;
  readonly stateLabel: string;
  readonly category?: string;
  readonly categoryLabel?: string;
  readonly receivedAt: string;
  readonly updatedAt: string;
  /** When it was accepted (for a merged complaint: when the report it follows was). */
  readonly acceptedAt?: string;
  /** While awaiting acceptance: the last day (Asia/Shanghai) by which the bureau decides whether to accept it. */
  readonly decisionDueDate?: string;
  /** Once accepted and until closed: the last day by which it is to be finished (extensions included). */
  readonly finishDueDate?: string;
  readonly closedAt?: string;
  /** The result the department gave for the public, once the case is closed. */
  readonly reply?: string;
  /** Why the complaint (or, for a merged one, its master) was not accepted. */
  readonly rejectionReason?: string;
  /** Set when the complaint was merged with an earlier report of the same matter, whose handling it follows. */
  readonly mergedWithEarlierReport?: boolean;
  readonly progress: readonly PublicProgressStep[];
}

const stateSteps = (history: readonly HistoryEntry[], from?: string): PublicProgressStep[] =>
  history
    .filter((entry) => entry.fromState !== entry.toState && (!from || entry.at > from))
    .map((entry) => ({ at: entry.at, state: entry.toState, label: stateLabels[entry.toState] }));

/**
 * The public view of a complaint. A merged complaint follows its master: the master's state, dates, reply or reason
 * for not accepting it, and its progress after the merge. Merges are one level deep (the workflow refuses to merge
 * a case that holds duplicates, or into one that is merged), so the master is the end of the chain.
 */
export const publicComplaintView = (
  reported: { case: Case; history: readonly HistoryEntry[] },
  master?: { case: Case; history: readonly HistoryEntry[] },
): PublicComplaintView => {
  const own = reported.case;
  const followed = master?.case ?? own;
  const mergedAt = master ? reported.history.find((entry) => entry.toState === 'merged')?.at : undefined;
  const category = own.complaint?.category;
  const followedHistory = master?.history ?? reported.history;
  const acceptedAt = followedHistory.find((entry) => entry.toState === 'accepted')?.at;
  const clocks = followed.timeLimits?.clocks;
  const open = !isFinishedState(followed.state);
  return {
    trackingCode: own.trackingCode ?? '',
    number: own.number,
    state: followed.state,
    stateLabel: stateLabels[followed.state],
    ...(category ? { category, categoryLabel: categoryLabels[category] } : {}),
    receivedAt: own.receivedAt,
    updatedAt: followed.updatedAt,
    ...(acceptedAt ? { acceptedAt } : {}),
    ...(followed.state === 'registered' && clocks?.accept ? { decisionDueDate: clocks.accept.dueDate } : {}),
    ...(open && followed.state !== 'registered' && clocks?.finish ? { finishDueDate: clocks.finish.dueDate } : {}),
    ...(followed.state === 'closed' && followed.closedAt ? { closedAt: followed.closedAt } : {}),
    ...(followed.state === 'closed' && followed.result ? { reply: followed.result.publicReply } : {}),
    ...(followed.state === 'rejected' && followed.rejectionReason ? { rejectionReason: followed.rejectionReason } : {}),
    ...(master ? { mergedWithEarlierReport: true } : {}),
    progress: [...stateSteps(reported.history), ...(master ? stateSteps(master.history, mergedAt) : [])],
  };
};
