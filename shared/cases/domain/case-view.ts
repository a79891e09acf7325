import { activeClocks, type ClockName } from '#deadlines/domain/time-limit-policies.ts';
import type { Principal } from '#platform/domain/principal.ts';
import type { Case, HistoryEntry } from './case.ts';
import { type ComplainantView, viewComplainant } from './privacy.ts';
import type { ActionName } from './workflow/actions.ts';

export type CaseView = Omit<Case, 'complaint'> & {
  readonly complaint?: Omit<NonNullable<Case['complaint']>, 'complainant'> & { complainant?: ComplainantView };
  readonly history?: readonly HistoryEntry[];
  /** When reading a case: the actions the caller may take on it now (`allowedActions` of `workflow.ts`). */
  readonly allowedActions?: readonly ActionName[];
  /** The clocks that run in the case's state (of those it has): the others are stopped or done. */
  readonly runningClocks: readonly ClockName[];
};

const runningClocks = (item: Case): ClockName[] =>
  (activeClocks[item.state] ?? []).filter((name) => item.timeLimits?.clocks[name] !== undefined);

/** The case as `principal` may see it: the complainant masked unless the role may know them. */
export const caseView = (item: Case, principal: Principal, history?: readonly HistoryEntry[]): CaseView => {
  const { complaint, ...rest } = item;
  if (!complaint) return { ...rest, runningClocks: runningClocks(item), ...(history ? { history } : {}) };
  const { complainant, ...matter } = complaint;
  return {
    ...rest,
    complaint: { ...matter, ...(complainant ? { complainant: viewComplainant(complainant, principal.roles) } : {}) },
    runningClocks: runningClocks(item),
    ...(history ? { history } : {}),
  };
};
