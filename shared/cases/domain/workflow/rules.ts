/** The shape of a kind's rule table, and who may act: the role an actor needs and the cases in their scope. */

import { ForbiddenError } from '#platform/domain/errors.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';
import type { Case, CaseState } from '../case.ts';
import type { ActionName } from './actions.ts';

/**
 * Who may act: `petition-office` — a dispatcher whose unit is on the case's path; `intake` — an operator or dispatcher
 * on the path (recording what a complainant says); `department` — a handler of the assigned department;
 * `lead` — a lead official whose unit is on the assigned department's path.
 */
export type Actor = 'petition-office' | 'intake' | 'department' | 'lead';

/** An action of a kind: the states it applies in and who takes it. */
export interface KindRule {
  readonly from: readonly CaseState[];
  readonly actor: Actor;
  /** What the kind calls the action, when it differs from the usual label (`actionLabels`). */
  readonly label?: string;
}

/** The workflow of one kind of case: its name and the actions that apply to it; an action not listed does not. */
export interface KindWorkflow {
  /** The kind's name in messages, e.g. 信访件. */
  readonly label: string;
  readonly actions: Readonly<Partial<Record<ActionName, KindRule>>>;
}

const actorRoles: Readonly<Record<Actor, readonly OfficialRole[]>> = {
  'petition-office': ['dispatcher'],
  intake: ['operator', 'dispatcher'],
  department: ['handler'],
  lead: ['lead'],
};

const actorNames: Readonly<Record<Actor, string>> = {
  'petition-office': '信访办',
  intake: '接线员或信访办',
  department: '承办科室的承办人',
  lead: '包案领导',
};

/** The role `principal` acts in as `actor`, if they hold one. */
export const roleAs = (actor: Actor, principal: Principal): OfficialRole | undefined =>
  actorRoles[actor].find((candidate) => principal.roles.includes(candidate));

/** The role `principal` acts in, or ForbiddenError naming who may `label`. */
export const actorRole = (actor: Actor, label: string, principal: Principal): OfficialRole => {
  const role = roleAs(actor, principal);
  if (!role) throw new ForbiddenError(refusedRole(actor, label));
  return role;
};

/** Why someone without the actor's role may not `label`. */
export const refusedRole = (actor: Actor, label: string): string => `只有${actorNames[actor]}可以${label}`;

/** Whether `item` is in the scope of `principal` acting as `actor`. */
export const isActorInScope = (actor: Actor, item: Case, principal: Principal): boolean =>
  actor === 'petition-office' || actor === 'intake'
    ? item.unitPath.includes(principal.unitId)
    : actor === 'department'
      ? item.assignment?.departmentId === principal.unitId
      : (item.assignment?.departmentPath.includes(principal.unitId) ?? false);

/** Why an actor may not act on a case outside their scope. */
export const outOfScope = '该事项不在您的职责范围内';

/** ForbiddenError unless `item` is in the scope of `principal` acting as `actor`. */
export const checkScope = (actor: Actor, item: Case, principal: Principal): void => {
  if (!isActorInScope(actor, item, principal)) throw new ForbiddenError(outOfScope);
};
