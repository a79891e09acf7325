import type { CaseEventType, HistoryEntry } from './case.ts';

/** The officials an event may concern. */
export type Audience = 'responsible' | 'lead' | 'dispatchers' | 'supervisors' | 'admins';

/**
 * Who is told of an event. Before a case is assigned, the petition office (its dispatchers) stands in for the
 * department that is not yet named.
 */
export const audienceFor = (type: CaseEventType, assigned: boolean): readonly Audience[] => {
  const department = (...people: Audience[]): Audience[] => (assigned ? people : ['dispatchers']);
  switch (type) {
    case 'complaint-registered':
    case 'case-returned':
      return ['dispatchers'];
    case 'case-assigned':
      return department('responsible', 'lead');
    case 'extension-requested':
    case 'result-submitted':
    case 'review-requested':
      return assigned ? ['lead'] : [];
    case 'extension-approved':
    case 'extension-refused':
    case 'result-sent-back':
    case 'case-reopened':
      return assigned ? ['responsible'] : [];
    case 'deadline-yellow':
      return department('responsible');
    case 'deadline-red':
    case 'deadline-reminder':
      return department('responsible', 'lead');
    case 'deadline-supervision':
      return [...department('lead'), 'supervisors'];
    case 'calendar-missing':
      return ['admins'];
    case 'help-plan-opened':
      return ['dispatchers', 'supervisors'];
    case 'regrade-flagged':
      return ['supervisors'];
    default:
      return [];
  }
};

/**
 * Events the complainant is told of (when an email is known): the decision on acceptance, and the result. The
 * complainants of duplicates merged into the case are told of them too: its decision and its result are theirs.
 */
export const tellsComplainant = (type: CaseEventType): type is 'case-accepted' | 'case-rejected' | 'case-closed' =>
  type === 'case-accepted' || type === 'case-rejected' || type === 'case-closed';

/**
 * Whether a duplicate's complainant is told of its merge (`merge`: the duplicate's history entry of it): only when the
 * master had been accepted already, since that decision reached only those on the case then. A duplicate merged into
 * a registered master hears of the decision with the master's own complainant; closed and rejected masters are
 * refused by the workflow.
 */
export const mergeTellsComplainant = (merge: HistoryEntry | undefined): boolean => {
  const masterState = merge?.changes.masterState;
  return typeof masterState === 'string' && masterState !== 'registered';
};

/**
 * The duplicates (ids) whose complainants hear of the decision or result a master's history entry `sequence` records:
 * those merged into it before then. One merged after its acceptance was told so at its merge instead.
 */
export const duplicatesMergedBefore = (history: readonly HistoryEntry[], sequence: number): string[] =>
  history.flatMap((entry) =>
    entry.action === 'absorb-duplicate' && entry.sequence < sequence && typeof entry.changes.mergedCase === 'string'
      ? [entry.changes.mergedCase]
      : [],
  );
