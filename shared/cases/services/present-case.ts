import type { Case, HistoryEntry } from '#cases/domain/case.ts';
import { type CaseView, caseView } from '#cases/domain/case-view.ts';
import { viewComplainant } from '#cases/domain/privacy.ts';
import type { ActionName } from '#cases/domain/workflow.ts';
import { personalDataAccessPut, recordPersonalDataAccess } from '#cases/store/access-log.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';

/**
 * The case as the caller may see it, with its history and the actions the caller may take when given. When that
 * includes the complainant unmasked, the read is recorded first: a response with personal data is never sent without
 * its record.
 */
export const presentCase = async (
  item: Case,
  principal: Principal,
  purpose: string,
  history?: readonly HistoryEntry[],
  allowedActions?: readonly ActionName[],
): Promise<CaseView> => {
  const view: CaseView = { ...caseView(item, principal, history), ...(allowedActions ? { allowedActions } : {}) };
  if (view.complaint?.complainant?.unmasked) {
    await recordPersonalDataAccess({
      caseId: item.id,
      username: principal.username,
      roles: principal.roles,
      at: now().toISOString(),
      purpose,
    });
  }
  return view;
};

/**
 * For a write whose answer shows the case it stores (registering a complaint): the access record that answer calls for
 * — when it shows the complainant unmasked — as an item for the write's own transaction, so the record and the case
 * stand or fall together and the answer waits for no second write. Show the stored case with `caseView` then.
 */
export const accessRecordFor = (
  item: Pick<Case, 'id' | 'complaint'>,
  principal: Principal,
  purpose: string,
): ReturnType<typeof personalDataAccessPut> | undefined => {
  const complainant = item.complaint?.complainant;
  if (!complainant || !viewComplainant(complainant, principal.roles).unmasked) return undefined;
  return personalDataAccessPut({
    caseId: item.id,
    username: principal.username,
    roles: principal.roles,
    at: now().toISOString(),
    purpose,
  });
};
