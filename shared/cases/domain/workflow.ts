/**
 * The one state machine for every case; the kind decides which actions apply, from which states and by whom (one rule
 * table per kind in `workflow/<kind>.ts`), and each action's step (`workflow/steps.ts`) what it changes. Pure: the
 * clock, ids, the policies and whatever the store looked up (the department, the people named in an assignment, the
 * master of a merge) are inputs; the result is the changed case(s), their history entries and the events to fan out.
 *
 * A new kind: a file `workflow/<kind>.ts` with its rule table, and its line in `workflows` below.
 */
import { applyTimeLimits, calendarMissingEvents, casePolicy } from '#deadlines/domain/deadlines.ts';
import { scopeOf } from '#directory/domain/scope.ts';
import { ConflictError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import type { Case, CaseEvent, CaseEventType, CaseKind, CaseState, HistoryEntry } from './case.ts';
import { stateLabels } from './labels.ts';
import { type ActionInput, type ActionName, actionLabels } from './workflow/actions.ts';
import { complaintRules, complaintWorkflow } from './workflow/complaint.ts';
import { helpPlanWorkflow } from './workflow/help-plan.ts';
import { rectificationWorkflow } from './workflow/rectification.ts';
import { type Actor, actorRole, checkScope, type KindRule, type KindWorkflow } from './workflow/rules.ts';
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

/** Every action as it applies to a complaint, the kind to which every action applies (the API documents these). */
export const actionRules: Readonly<Record<ActionName, ActionRule>> = Object.fromEntries(
  Object.entries(complaintRules).map(([action, rule]) => [action, documented(action as ActionName, rule)]),
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
  const workflow = workflows[item.kind];
  const rule = workflow.actions[action];
  const label = rule?.label ?? actionLabels[action];
  if (!rule) throw new ConflictError(`${workflow.label}不适用“${label}”操作`);
  const role = actorRole(rule.actor, label, principal);
  checkScope(rule.actor, item, principal);
  if (input.version !== undefined && input.version !== item.version) {
    throw new ConflictError(
      `事项已被他人更新（当前版本 ${item.version}，您看到的是版本 ${input.version}），请刷新后重试`,
    );
  }
  if (!rule.from.includes(item.state)) {
    throw new ConflictError(`当前状态为“${stateLabels[item.state]}”，不能${label}`);
  }
  const at = context.now.toISOString();
  const policy = casePolicy(item, context.time);
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
