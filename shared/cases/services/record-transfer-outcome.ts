import type { Transfer } from '#cases/domain/case.ts';
import { recordTransferOutcome as recordOutcomeOnCase, transferOutcomeInputSchema } from '#cases/domain/transfers.ts';
import { commitTransition, getCase } from '#cases/store/cases.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import type { RecordedTransfer } from './record-transfer.ts';

/** Records (or corrects) what came of a transfer, in one transaction with its history entry, like recording it. */
export const recordTransferOutcome = async (
  caseId: string,
  transferId: string,
  body: unknown,
  principal: Principal,
): Promise<RecordedTransfer> => {
  const input = parseWith(transferOutcomeInputSchema, body);
  const item = await getCase(caseId);
  const transition = recordOutcomeOnCase(item, transferId, input, principal, { now: now() });
  await commitTransition(transition);
  const after = transition.changes[0]?.after ?? item;
  const transfer = after.transfers?.find((candidate) => candidate.id === transferId) as Transfer;
  return { caseId, version: after.version, transfer };
};
