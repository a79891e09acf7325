import type { Case, HistoryEntry } from '#cases/domain/case.ts';
import { type CaseView, caseView } from '#cases/domain/case-view.ts';
import { recordPersonalDataAccess } from '#cases/store/access-log.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';

/**
 * The case as the caller may see it. When that includes the complainant unmasked, the read is recorded first: a
 * response with personal data is never sent without its record.
 */
export const presentCase = async (
  item: Case,
  principal: Principal,
  purpose: string,
  history?: readonly HistoryEntry[],
): Promise<CaseView> => {
  const view = caseView(item, principal, history);
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
