import type { CaseEventType } from './case.ts';

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
    default:
      return [];
  }
};

/** Events the complainant is told of (when an email is known): the decision on acceptance, and the result. */
export const tellsComplainant = (type: CaseEventType): type is 'case-accepted' | 'case-rejected' | 'case-closed' =>
  type === 'case-accepted' || type === 'case-rejected' || type === 'case-closed';
