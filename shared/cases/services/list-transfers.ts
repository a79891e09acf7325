import type { Transfer } from '#cases/domain/case.ts';
import { requireTransfersVisible } from '#cases/domain/transfers.ts';
import { getCase } from '#cases/store/cases.ts';
import type { Principal } from '#platform/domain/principal.ts';

/** A case's transfers, oldest first, with its number and version. */
export interface CaseTransfers {
  readonly caseId: string;
  readonly number: string;
  readonly version: number;
  readonly transfers: readonly Transfer[];
}

/** The transfers of a case in the caller's scope (any official of a unit on its paths). */
export const listTransfers = async (caseId: string, principal: Principal): Promise<CaseTransfers> => {
  const item = await getCase(caseId);
  requireTransfersVisible(item, principal);
  return { caseId, number: item.number, version: item.version, transfers: item.transfers ?? [] };
};
