import type { OrgUnit } from '#directory/domain/org-units.ts';
import { getOrgUnit, listChildUnits } from '#directory/services/lookup.ts';
import { ForbiddenError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';

/**
 * The unit whose figures and units the caller oversees: their own, or for a dispatcher of a petition office the unit
 * it serves (its parent).
 */
export const overseenUnit = async (principal: Pick<Principal, 'unitId' | 'roles'>): Promise<OrgUnit> => {
  const own = await getOrgUnit(principal.unitId);
  return principal.roles.includes('dispatcher') && own.petitionOffice && own.parentId ? getOrgUnit(own.parentId) : own;
};

/** The unit a report is asked for (default: the one the caller oversees), which must be that one or below it. */
export const reportingUnit = async (
  principal: Pick<Principal, 'unitId' | 'roles'>,
  unitId: string | undefined,
): Promise<OrgUnit> => {
  const overseen = await overseenUnit(principal);
  const unit = unitId ? await getOrgUnit(unitId) : overseen;
  if (!unit.path.includes(overseen.id)) throw new ForbiddenError('只能查看本单位及下级单位的统计');
  return unit;
};

/**
 * The units the caller may see: their own unit and every unit below it (`domain/scope.ts`), in tree order — each unit
 * followed by the units below it, siblings by id. A dispatcher sees from the unit their petition office serves (its
 * parent): they assign cases to that unit's departments and branches, and pick the people there. Read level by level
 * from the `CHILDREN#<unit>` index: one query per unit in scope, the queries of a level at once; never a scan.
 */
export const listUnitsInScope = async (principal: Pick<Principal, 'unitId' | 'roles'>): Promise<OrgUnit[]> => {
  const root = await overseenUnit(principal);
  const childrenOf = new Map<string, OrgUnit[]>();
  let level: OrgUnit[] = [root];
  while (level.length > 0) {
    const children = await Promise.all(level.map((unit) => listChildUnits(unit.id)));
    level.forEach((unit, index) => {
      childrenOf.set(unit.id, children[index] ?? []);
    });
    level = children.flat();
  }
  const inTreeOrder = (unit: OrgUnit): OrgUnit[] => [
    unit,
    ...(childrenOf.get(unit.id) ?? []).toSorted((a, b) => a.id.localeCompare(b.id)).flatMap(inTreeOrder),
  ];
  return inTreeOrder(root);
};
