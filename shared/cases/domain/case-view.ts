import type { Principal } from '#platform/domain/principal.ts';
import type { Case, HistoryEntry } from './case.ts';
import { type ComplainantView, viewComplainant } from './privacy.ts';
import type { ActionName } from './workflow/actions.ts';

export type CaseView = Omit<Case, 'complaint'> & {
  readonly complaint?: Omit<NonNullable<Case['complaint']>, 'complainant'> & { complainant?: ComplainantView };
  readonly history?: readonly HistoryEntry[];
  /** When reading a case: the actions the caller may take on it now (`allowedActions` of `workflow.ts`). */
  readonly allowedActions?: readonly ActionName[];
};

/** The case as `principal` may see it: the complainant masked unless the role may know them. */
export const caseView = (item: Case, principal: Principal, history?: readonly HistoryEntry[]): CaseView => {
  const { complaint, ...rest } = item;
  if (!complaint) return { ...rest, ...(history ? { history } : {}) };
  const { complainant, ...matter } = complaint;
  return {
    ...rest,
    complaint: { ...matter, ...(complainant ? { complainant: viewComplainant(complainant, principal.roles) } : {}) },
    ...(history ? { history } : {}),
  };
};
