/**
 * The one state machine for every case; the kind decides which actions apply, from which states and by whom (one rule
 * table per kind in `workflow/<kind>.ts`), and each action's step (`workflow/steps.ts`) what it changes. Pure: the
 * clock, ids, the policies and whatever the store looked up (the department, the people named in an assignment, the
 * master of a merge) are inputs; the result is the changed case(s), their history entries and the events to fan out.
 *
 * A new kind: a file `workflow/<kind>.ts` with its rule table, and its line in `workflows` below.
 */

import { applyTimeLimits, calendarMissingEvents, casePolicy, type PolicyContext } from '#deadlines/domain/deadlines.ts';
import type { TimeLimitPolicy } from '#deadlines/domain/time-limit-policies.ts';
import { scopeOf } from '#directory/domain/scope.ts';
import { ConflictError, ForbiddenError } from '#platform/domain/errors.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';
import type { Case, CaseEvent, CaseEventType, CaseKind, CaseState, HistoryEntry } from './case.ts';
import { stateLabels } from './labels.ts';
import { type ActionInput, type ActionName, actionLabels, actionNames } from './workflow/actions.ts';
import { complaintRules, complaintWorkflow } from './workflow/complaint.ts';
import { helpPlanWorkflow } from './workflow/help-plan.ts';
import { preconditions } from './workflow/preconditions.ts';
import { rectificationWorkflow } from './workflow/rectification.ts';
import {
  type Actor,
  isActorInScope,
  type KindRule,
  type KindWorkflow,
  outOfScope,
  refusedRole,
  roleAs,
} from './workflow/rules.ts';
import { type ActionContext, steps } from './workflow/steps.ts';
import { taskWorkflow } from './workflow/task.ts';

export {
  type ActionInput,
  type ActionName,
  actionInputSchemas,
  actionLabels,
  actionNames,
  returnReasonCodes,
} from './workflow/actions.ts';
export type { Actor, KindWorkflow } from './workflow/rules.ts';
export type { ActionContext } from './workflow/steps.ts';

/** The workflow of each kind of case. */
export const workflows: Readonly<Record<CaseKind, KindWorkflow>> = {
  complaint: complaintWorkflow,
  rectification: rectificationWorkflow,
  task: taskWorkflow,
  'help-plan': helpPlanWorkflow,
};

/** An action as documented: the states it applies in, who takes it, and what it is called. */
export interface ActionRule {
  readonly from: readonly CaseState[];
  readonly actor: Actor;
  readonly label: string;
}

const documented = (action: ActionName, rule: KindRule): ActionRule => ({
  from: rule.from,
  actor: rule.actor,
  label: rule.label ?? actionLabels[action],
});

/** The actions that apply to cases of `kind`, as documented. */
export const actionRulesFor = (kind: CaseKind): Readonly<Partial<Record<ActionName, ActionRule>>> =>
  Object.fromEntries(
    Object.entries(workflows[kind].actions).map(([action, rule]) => [
      action,
      documented(action as ActionName, rule as KindRule),
    ]),
  );

/**
 * Every action as the API documents it: as it applies to a complaint, and the close-out and look-back (which only a
 * rectification problem has) as they apply to one.
 */
export const actionRules: Readonly<Record<ActionName, ActionRule>> = Object.fromEntries(
  actionNames.map((action) => {
    const rule = complaintRules[action] ?? rectificationWorkflow.actions[action];
    if (!rule) throw new Error(`the action ${action} applies to no kind`);
    return [action, documented(action, rule)];
  }),
) as Record<ActionName, ActionRule>;

/** Units whose users may see a case: its own path and, once assigned, the department's path. */
export const scopeUnitIds = (item: Case): string[] => scopeOf(item.unitPath, item.assignment?.departmentPath);

export interface Transition {
  /**
   * The changed cases: the case acted on first (and, for a merge, the master), each with its new history entry —
   * absent only when nothing but the nightly check's next look-in time changed.
   */
  readonly changes: ReadonlyArray<{ readonly before: Case; readonly after: Case; readonly history?: HistoryEntry }>;
  readonly events: readonly CaseEvent[];
}

/** What deciding whether an action may be taken needs besides the case and the caller: the time and the policies. */
export interface GuardContext {
  readonly now: Date;
  /** The policies only: a guard needs the case's limits, never the calendar. */
  readonly time: PolicyContext;
  /** For `merge`, when known: named in the refusal of a case that holds duplicates itself. */
  readonly master?: Pick<Case, 'number'>;
}

/** The verdict on an action: taken in `role` under the case's `policy`, or refused (403 or 409). */
export type ActionVerdict =
  | { readonly allowed: true; readonly role: OfficialRole; readonly label: string; readonly policy: TimeLimitPolicy }
  | { readonly allowed: false; readonly refusal: ForbiddenError | ConflictError };

/**
 * Whether `principal` may take `action` on `item` now, by everything knowable without the action's input: the kind
 * has the action, the caller holds the actor's role and the case is in the actor's scope, the version is the one the
 * caller saw (when given), the state is one the action starts from, and the case's preconditions hold
 * (`workflow/preconditions.ts`). The one guard of {@link performAction} and {@link allowedActions}, so the actions
 * offered and the actions accepted cannot drift apart.
 */
export const judgeAction = (
  item: Case,
  action: ActionName,
  principal: Principal,
  context: GuardContext,
  version?: number,
): ActionVerdict => {
  const refuse = (refusal: ForbiddenError | ConflictError): ActionVerdict => ({ allowed: false, refusal });
  const workflow = workflows[item.kind];
  const rule = workflow.actions[action];
  const label = rule?.label ?? actionLabels[action];
  if (!rule) return refuse(new ConflictError(`${workflow.label}不适用“${label}”操作`));
  const role = roleAs(rule.actor, principal);
  if (!role) return refuse(new ForbiddenError(refusedRole(rule.actor, label)));
  if (!isActorInScope(rule.actor, item, principal)) return refuse(new ForbiddenError(outOfScope));
  if (version !== undefined && version !== item.version) {
    return refuse(
      new ConflictError(`事项已被他人更新（当前版本 ${item.version}，您看到的是版本 ${version}），请刷新后重试`),
    );
  }
  if (!rule.from.includes(item.state)) {
    return refuse(new ConflictError(`当前状态为“${stateLabels[item.state]}”，不能${label}`));
  }
  const policy = casePolicy(item, context.time);
  const unmet = preconditions[action]?.({ item, policy, now: context.now, master: context.master });
  if (unmet) return refuse(new ConflictError(unmet));
  return { allowed: true, role, label, policy };
};

/**
 * The actions `principal` may take on `item` now, in the order of `actionNames`: those {@link judgeAction} allows.
 * An action listed may still be refused for its input (a bad assignment, a closed master, an extension too long).
 *
 * @example
 * ```ts
 * allowedActions(registeredComplaint, dispatcher, { now, time }); // ['accept', 'reject', 'merge']
 * ```
 */
export const allowedActions = (item: Case, principal: Principal, context: GuardContext): ActionName[] =>
  actionNames.filter((action) => judgeAction(item, action, principal, context).allowed);

/**
 * Throws ForbiddenError (role or scope), ConflictError (kind, state, version, limits) or ValidationError (input,
 * including an extension longer than the case's policy allows).
 */
export const performAction = <A extends ActionName>(
  item: Case,
  action: A,
  input: ActionInput<A>,
  principal: Principal,
  context: ActionContext,
): Transition => {
  const verdict = judgeAction(item, action, principal, context, input.version);
  if (!verdict.allowed) throw verdict.refusal;
  const { role, policy } = verdict;
  const at = context.now.toISOString();
  const step = steps[action]({ item, input, principal, context, at, policy });

  const moved: Case = {
    ...item,
    ...step.patch,
    state: step.to ?? item.state,
    version: item.version + 1,
    historyLength: item.historyLength + 1,
    updatedAt: at,
  };
  const after = applyTimeLimits(
    item,
    moved,
    context.now,
    context.time,
    step.extensionDays ? { extensionDays: step.extensionDays } : undefined,
  );
  const history: HistoryEntry = {
    caseId: item.id,
    sequence: after.historyLength,
    at,
    actor: principal.username,
    role,
    action,
    fromState: item.state,
    toState: after.state,
    ...(step.reason ? { reason: step.reason } : {}),
    changes: step.changes,
  };
  const event = (type: CaseEventType, caseId: string, sequence: number): CaseEvent => ({
    id: context.eventId(),
    type,
    caseId,
    occurredAt: at,
    sequence,
  });
  const changes: Transition['changes'][number][] = [{ before: item, after, history }];
  const events = step.event ? [event(step.event, item.id, history.sequence)] : [];
  events.push(...calendarMissingEvents(item, after, at, history.sequence));

  if (step.alsoChanges) {
    const other = step.alsoChanges.item;
    const otherAfter: Case = {
      ...other,
      ...step.alsoChanges.patch,
      version: other.version + 1,
      historyLength: other.historyLength + 1,
      updatedAt: at,
    };
    changes.push({
      before: other,
      after: otherAfter,
      history: {
        caseId: other.id,
        sequence: otherAfter.historyLength,
        at,
        actor: principal.username,
        role,
        action: step.alsoChanges.action,
        fromState: other.state,
        toState: other.state,
        changes: step.alsoChanges.changes,
      },
    });
  }
  return { changes, events };
};
