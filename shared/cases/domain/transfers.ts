/**
 * Transfers (移交线索 / 移送): a lead handed to the discipline body, the police or the judiciary, recorded on a case of
 * any kind and in any state, and its outcome recorded later. A transfer never changes the state; like an action it
 * is a change of the case with a history entry (`transfer`, `transfer-outcome`), so the statistics count it with the
 * rest of the case (`#statistics/domain/counters.ts`). Pure: the clock and the id are inputs.
 */

import { requireInScope } from '#directory/domain/scope.ts';
import {
  ConflictError,
  type FieldProblem,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '#platform/domain/errors.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';
import { plainText } from '#platform/domain/text.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { z } from '#platform/domain/zod.ts';
import { type Case, type HistoryEntry, type Transfer, transferBodies } from './case.ts';
import { scopeUnitIds, type Transition } from './workflow.ts';

/** Who records transfers and their outcomes, on the cases in their unit's scope. */
export const transferRoles: readonly OfficialRole[] = ['dispatcher', 'lead', 'supervisor', 'admin'];

const version = z.number().int().positive().optional();
const day = z.iso.date('日期格式应为 YYYY-MM-DD');
const outcome = plainText(2, 2000);

/** The body of POST /v1/cases/{id}/transfers. */
export const transferInputSchema = z
  .object({
    version,
    date: day,
    body: z.enum(transferBodies),
    bodyName: plainText(2, 100).optional(),
    reference: plainText(1, 100).optional(),
    summary: plainText(2, 2000),
    outcome: outcome.optional(),
    outcomeAt: day.optional(),
  })
  .strict();
export type TransferInput = z.output<typeof transferInputSchema>;

/** The body of PATCH /v1/cases/{id}/transfers/{transferId}: the outcome, on its day (today when omitted). */
export const transferOutcomeInputSchema = z.object({ version, outcome, outcomeAt: day.optional() }).strict();
export type TransferOutcomeInput = z.output<typeof transferOutcomeInputSchema>;

/** Transfer ids are ULIDs. */
export const transferIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '移交编号格式不正确');

export interface TransferContext {
  readonly now: Date;
  readonly transferId: () => string;
}

/** The role `principal` records transfers in, and the case in their scope: else ForbiddenError. */
const transferRole = (item: Case, principal: Principal): OfficialRole => {
  const role = transferRoles.find((candidate) => principal.roles.includes(candidate));
  if (!role) throw new ForbiddenError('只有信访办、包案领导、督办人员和管理员可以登记移交');
  requireInScope(scopeUnitIds(item), principal);
  return role;
};

/** Whether `principal` may read the case's transfers: any official whose unit is in the case's scope. */
export const requireTransfersVisible = (item: Case, principal: Principal): void =>
  requireInScope(scopeUnitIds(item), principal);

const checkVersion = (item: Case, seen: number | undefined): void => {
  if (seen !== undefined && seen !== item.version) {
    throw new ConflictError(`事项已被他人更新（当前版本 ${item.version}，您看到的是版本 ${seen}），请刷新后重试`);
  }
};

/** Days that must not lie after today (Asia/Shanghai), nor an outcome before its transfer. */
const checkDays = (today: string, date: string, outcomeAt: string | undefined, problems: FieldProblem[] = []): void => {
  if (date > today) problems.push({ path: 'date', message: `移交日期不能晚于今天（${today}）` });
  if (outcomeAt !== undefined && outcomeAt > today) {
    problems.push({ path: 'outcomeAt', message: `办理结果日期不能晚于今天（${today}）` });
  }
  if (outcomeAt !== undefined && outcomeAt < date) {
    problems.push({ path: 'outcomeAt', message: `办理结果日期不能早于移交日期（${date}）` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
};

/** The case with `transfers`, one version on, and its history entry for `action`. */
const changed = (
  item: Case,
  transfers: readonly Transfer[],
  entry: {
    role: OfficialRole;
    actor: string;
    at: string;
    action: string;
    reason?: string;
    changes: HistoryEntry['changes'];
  },
): Transition => {
  const after: Case = {
    ...item,
    transfers,
    version: item.version + 1,
    historyLength: item.historyLength + 1,
    updatedAt: entry.at,
  };
  const history: HistoryEntry = {
    caseId: item.id,
    sequence: after.historyLength,
    at: entry.at,
    actor: entry.actor,
    role: entry.role,
    action: entry.action,
    fromState: item.state,
    toState: item.state,
    ...(entry.reason ? { reason: entry.reason } : {}),
    changes: entry.changes,
  };
  return { changes: [{ before: item, after, history }], events: [] };
};

/**
 * Records a transfer on `item`: ForbiddenError (role, scope), ConflictError (a stale `version`), ValidationError (a
 * day after today, an outcome before the transfer). The transition's case carries the new transfer last.
 */
export const recordTransfer = (
  item: Case,
  input: TransferInput,
  principal: Principal,
  context: TransferContext,
): Transition => {
  const role = transferRole(item, principal);
  checkVersion(item, input.version);
  const today = bureauDate(context.now);
  const outcomeAt = input.outcome ? (input.outcomeAt ?? today) : undefined;
  checkDays(
    today,
    input.date,
    input.outcomeAt,
    input.outcomeAt && !input.outcome ? [{ path: 'outcome', message: '填写了办理结果日期，请同时填写办理结果' }] : [],
  );
  const at = context.now.toISOString();
  const transfer: Transfer = {
    id: context.transferId(),
    at,
    date: input.date,
    body: input.body,
    ...(input.bodyName ? { bodyName: input.bodyName } : {}),
    ...(input.reference ? { reference: input.reference } : {}),
    summary: input.summary,
    ...(input.outcome ? { outcome: input.outcome, outcomeAt } : {}),
    by: principal.username,
  };
  return changed(item, [...(item.transfers ?? []), transfer], {
    role,
    actor: principal.username,
    at,
    action: 'transfer',
    reason: input.summary,
    changes: { transfer },
  });
};

/**
 * Records (or corrects) the outcome of transfer `transferId` of `item`: NotFoundError when the case has no such
 * transfer, and the refusals of {@link recordTransfer}. The history entry keeps the outcome it replaced.
 */
export const recordTransferOutcome = (
  item: Case,
  transferId: string,
  input: TransferOutcomeInput,
  principal: Principal,
  context: Pick<TransferContext, 'now'>,
): Transition => {
  const role = transferRole(item, principal);
  const transfers = item.transfers ?? [];
  const found = transfers.find((transfer) => transfer.id === transferId);
  if (!found) throw new NotFoundError(`该事项没有移交记录 ${transferId}`);
  checkVersion(item, input.version);
  const today = bureauDate(context.now);
  const outcomeAt = input.outcomeAt ?? today;
  checkDays(today, found.date, outcomeAt);
  const updated: Transfer = { ...found, outcome: input.outcome, outcomeAt };
  return changed(
    item,
    transfers.map((transfer) => (transfer.id === transferId ? updated : transfer)),
    {
      role,
      actor: principal.username,
      at: context.now.toISOString(),
      action: 'transfer-outcome',
      reason: input.outcome,
      changes: {
        transferId,
        outcome: input.outcome,
        outcomeAt,
        ...(found.outcome ? { previousOutcome: found.outcome, previousOutcomeAt: found.outcomeAt } : {}),
      },
    },
  );
};
