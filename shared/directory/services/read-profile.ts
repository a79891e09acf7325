import type { Profile } from '#directory/domain/users.ts';
import { getOrgUnit, getUser } from '#directory/services/lookup.ts';
import type { Principal } from '#platform/domain/principal.ts';

/**
 * The caller as the console shows them: the directory's name for them, and their unit with the path to it, named.
 * Roles and unit are the token's — what every check of the API goes by — so the console offers what the API allows.
 * @throws UserNotFoundError when the directory does not know the caller, OrgUnitNotFoundError for an unknown unit.
 */
export const readProfile = async (principal: Principal): Promise<Profile> => {
  const [user, unit] = await Promise.all([getUser(principal.username), getOrgUnit(principal.unitId)]);
  const path = await Promise.all(unit.path.map((id) => getOrgUnit(id)));
  return {
    username: user.username,
    displayName: user.displayName,
    roles: principal.roles,
    unitId: unit.id,
    unitName: unit.name,
    unitPath: path.map(({ id, name }) => ({ id, name })),
  };
};
