import { ulid } from 'ulid';
import type { Case } from '#cases/domain/case.ts';
import { substantiatedViolation, withRegradeEvent } from '#cases/domain/violations.ts';
import {
  type ActionContext,
  type ActionName,
  actionInputSchemas,
  performAction,
  type Transition,
} from '#cases/domain/workflow.ts';
import { commitTransition, getCase } from '#cases/store/cases.ts';
import { loadTimeContext } from '#deadlines/services/time-context.ts';
import { getOrgUnit, getUser } from '#directory/services/lookup.ts';
import { violationWrites } from '#enterprises/services/violations.ts';
import type { AttachmentRef } from '#intake/domain/attachments.ts';
import { attachUploadsAs } from '#intake/services/attachments.ts';
import { now } from '#platform/clock.ts';
import { NotFoundError, orMissing } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { countMetric } from '#platform/metrics.ts';
import { relayNow } from './relay-events.ts';

const isActionName = (name: string): name is ActionName => Object.hasOwn(actionInputSchemas, name);

const lookupsFor = async (action: ActionName, input: Record<string, unknown>): Promise<Partial<ActionContext>> => {
  if (action === 'assign') {
    const [department, responsible, lead] = await Promise.all([
      orMissing(getOrgUnit(input.departmentId as string)),
      orMissing(getUser(input.responsibleUsername as string)),
      orMissing(getUser(input.leadUsername as string)),
    ]);
    return { department, responsible, lead };
  }
  if (action === 'merge') return { master: await orMissing(getCase(input.masterCaseId as string)) };
  if (action === 'apply-close-out')
    return { evidence: await attachUploadsAs(input.evidence as AttachmentRef[], 'evidence') };
  return {};
};

/**
 * Performs a workflow action: checks role, scope, state and input in the domain, then writes the case, its history
 * entry and its events in one transaction conditioned on the version read. Returns the updated case.
 */
/**
 * A complaint closed as substantiated against a registered firm is recorded on the firm in the same transaction (and,
 * while the firm is graded A or B, flags it for re-assessment, told to the grading officials by an event).
 */
const withViolationRecorded = async (
  transition: Transition,
  by: string,
): Promise<{ transition: Transition; companions: readonly Record<string, unknown>[] }> => {
  const found = substantiatedViolation(transition);
  const recorded = found && (await violationWrites(found.uscc, found.violation, by));
  if (!recorded) return { transition, companions: [] };
  return {
    transition: recorded.flagged ? withRegradeEvent(transition, ulid()) : transition,
    companions: recorded.writes,
  };
};

export const actOnCase = async (
  caseId: string,
  actionName: string,
  body: unknown,
  principal: Principal,
): Promise<Case> => {
  if (!isActionName(actionName)) throw new NotFoundError(`未知操作：${actionName}`);
  const input = parseWith(actionInputSchemas[actionName], body);
  const at = now();
  const [item, lookups, time] = await Promise.all([
    getCase(caseId),
    lookupsFor(actionName, input),
    loadTimeContext(at),
  ]);
  const performed = performAction(item, actionName, input, principal, { now: at, eventId: ulid, time, ...lookups });
  const { transition, companions } = await withViolationRecorded(performed, principal.username);
  await commitTransition(transition, companions);
  countMetric('CaseAction', ['action', actionName]);
  await relayNow(transition.events);
  return transition.changes[0]?.after ?? item;
};
