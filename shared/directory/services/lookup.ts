/**
 * How other capabilities read the organisation: units, people and who holds a role where. The directory's store is
 * private to it (an import rule), so every other capability comes through here.
 */
export {
  getOrgUnit,
  getPublicIntakeUnitId,
  getUser,
  listAllRoleMembers,
  listChildUnits,
  listRoleMembers,
  type RoleMember,
} from '#directory/store/directory.ts';
