/** Draw plans and the inspector pool: `/v1/inspection-plans` and `/v1/inspection-plans/inspectors`. */
import { ulid } from 'ulid';
import { requireInScope } from '#directory/domain/scope.ts';
import { getOrgUnit, getUser } from '#directory/services/lookup.ts';
import { type Inspector, inspectorEntrySchema } from '#inspections/domain/inspectors.ts';
import {
  changePlan,
  type InspectionPlan,
  newPlanSchema,
  planChangeSchema,
  plansQuerySchema,
} from '#inspections/domain/plan.ts';
import { PlanNotFoundError } from '#inspections/store/errors.ts';
import { getPlan, listInspectors, listPlans, putInspector, putPlan, replacePlan } from '#inspections/store/plans.ts';
import { now } from '#platform/clock.ts';
import { orMissing, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { requirePlanner, requireReader } from './access.ts';

export const createPlan = async (body: unknown, principal: Principal): Promise<InspectionPlan> => {
  requirePlanner(principal);
  const input = parseWith(newPlanSchema, body);
  const unit = await getOrgUnit(principal.unitId);
  const plan: InspectionPlan = {
    id: ulid(),
    ...input,
    unitId: unit.id,
    unitPath: unit.path,
    createdAt: now().toISOString(),
    createdBy: principal.username,
    version: 1,
  };
  await putPlan(plan);
  return plan;
};

/**
 * Changes a plan's name, rates, items or inspectors per firm while it is undrawn, on the version read: 409 once drawn
 * (the draw is published as made from the plan it read) or when someone else changed it first.
 */
export const updatePlan = async (id: string, body: unknown, principal: Principal): Promise<InspectionPlan> => {
  requirePlanner(principal);
  const change = parseWith(planChangeSchema, body);
  const before = await getPlan(id);
  if (!before) throw new PlanNotFoundError(`抽查计划 ${id} 不存在`);
  requireInScope(before.unitPath, principal, '该抽查计划不是本单位或下级单位制定的');
  const after = changePlan(before, change, principal.username, now().toISOString());
  await replacePlan(before, after);
  return after;
};

export const readPlans = async (query: unknown, principal: Principal): Promise<InspectionPlan[]> => {
  requireReader(principal);
  const { period } = parseWith(plansQuerySchema, query);
  return listPlans(period);
};

/** The pool, with each inspector's declared ties: for those who keep it only. */
export const readInspectorPool = async (principal: Principal): Promise<Inspector[]> => {
  requirePlanner(principal);
  return listInspectors();
};

/** Enters (or updates) a directory user in the pool with their certificate and declared ties. */
export const putInspectorEntry = async (username: string, body: unknown, principal: Principal): Promise<Inspector> => {
  requirePlanner(principal);
  const input = parseWith(inspectorEntrySchema, body);
  const [user, pool] = await Promise.all([orMissing(getUser(username)), listInspectors()]);
  if (!user) throw new ValidationError([{ path: 'username', message: `用户 ${username} 不存在` }]);
  const holder = pool.find(
    (other) => other.certificateNumber === input.certificateNumber && other.username !== username,
  );
  if (holder) {
    throw new ValidationError([{ path: 'certificateNumber', message: `执法证号已登记在 ${holder.name} 名下` }]);
  }
  const inspector: Inspector = {
    username,
    name: user.displayName,
    unitId: user.unitId,
    ...input,
    updatedAt: now().toISOString(),
    updatedBy: principal.username,
  };
  await putInspector(inspector);
  return inspector;
};
