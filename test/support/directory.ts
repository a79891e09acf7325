import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';
import { putOrgUnit, putUser, setPublicIntakeUnitId } from '#directory/store/directory.ts';
import { demoPublicIntakeUnitId, demoUnits, demoUsers } from '../../local/demo-organisation.ts';

/** Seeds an organisation's units and users into the current test file's table. */
export const seedOrganisation = async (units: readonly OrgUnit[], users: readonly User[]): Promise<void> => {
  await Promise.all(units.map((unit) => putOrgUnit(unit)));
  await Promise.all(users.map((user) => putUser(user)));
};

/** Seeds the demo organisation into the current test file's table. */
export const seedDirectory = async (): Promise<void> => {
  await seedOrganisation(demoUnits, demoUsers);
  await setPublicIntakeUnitId(demoPublicIntakeUnitId);
};
