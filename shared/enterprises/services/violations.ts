/**
 * What case handling needs of the register: a complaint closed as substantiated against a registered firm goes on the
 * firm's record — and flags it for re-assessment while it is graded A or B — in the transaction that closes the case.
 */
import type { Violation } from '#enterprises/domain/records.ts';
import { recordViolation } from '#enterprises/domain/violations.ts';
import { enterpriseWrites, getEnterprise } from '#enterprises/store/enterprises.ts';

export interface ViolationWrites {
  /** The enterprise item and the search entries that change, conditioned on the version read. */
  readonly writes: readonly Record<string, unknown>[];
  /** Whether the firm is newly flagged for re-assessment (its grading officials are to be told). */
  readonly flagged: boolean;
}

/** The writes recording `violation` on the firm of `uscc`; undefined when it is not registered or has it already. */
export const violationWrites = async (
  uscc: string,
  violation: Violation,
  by: string,
): Promise<ViolationWrites | undefined> => {
  const before = await getEnterprise(uscc);
  if (!before) return undefined;
  const { after, flagged } = recordViolation(before, violation, by);
  if (after === before) return undefined;
  return { writes: enterpriseWrites(before, after), flagged };
};
