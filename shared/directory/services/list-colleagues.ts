import { type Colleague, type ColleaguesQuery, colleagueOf } from '#directory/domain/users.ts';
import { listUnitUsers } from '#directory/store/directory.ts';
import { ForbiddenError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { listUnitsInScope } from './list-units.ts';

/**
 * The users of a unit in the caller's scope (default: of every unit in it), of one role if asked, for the assignment
 * pickers: the responsible person is a handler of the department, the lead official a lead on the department's path.
 * Names, roles and units only. A unit outside the scope, or none at all, is refused alike (403), so the answer does
 * not tell which units exist elsewhere.
 */
export const listColleagues = async (query: ColleaguesQuery, principal: Principal): Promise<Colleague[]> => {
  const scope = (await listUnitsInScope(principal)).map((unit) => unit.id);
  if (query.unit !== undefined && !scope.includes(query.unit)) {
    throw new ForbiddenError('所查单位不在您的管辖范围内');
  }
  const users = await listUnitUsers(query.unit ? [query.unit] : scope);
  const { role } = query;
  return users.filter((user) => role === undefined || user.roles.includes(role)).map(colleagueOf);
};
