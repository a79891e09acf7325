import { ulid } from 'ulid';
import type { Transfer } from '#cases/domain/case.ts';
import { recordTransfer as recordOnCase, transferInputSchema } from '#cases/domain/transfers.ts';
import { commitTransition, getCase } from '#cases/store/cases.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { countMetric } from '#platform/metrics.ts';

/** A transfer as recorded or updated, with the case's version after the change (to name in the next write). */
export interface RecordedTransfer {
  readonly caseId: string;
  readonly version: number;
  readonly transfer: Transfer;
}

/**
 * Records a transfer (移交) on a case: the case, its history entry, its listing entries and counters in one
 * transaction conditioned on the version read (someone else's write in between is a 409).
 */
export const recordTransfer = async (
  caseId: string,
  body: unknown,
  principal: Principal,
): Promise<RecordedTransfer> => {
  const input = parseWith(transferInputSchema, body);
  const item = await getCase(caseId);
  const transition = recordOnCase(item, input, principal, { now: now(), transferId: ulid });
  await commitTransition(transition);
  countMetric('CaseTransfer', ['body', input.body]);
  const after = transition.changes[0]?.after ?? item;
  const transfer = after.transfers?.at(-1) as Transfer;
  return { caseId, version: after.version, transfer };
};
