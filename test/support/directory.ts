import { putOrgUnit, putUser, setPublicIntakeUnitId } from '#directory/store/directory.ts';
import { demoPublicIntakeUnitId, demoUnits, demoUsers } from '../../local/demo-organisation.ts';

/** Seeds the demo organisation into the current test file's table. */
export const seedDirectory = async (): Promise<void> => {
  await Promise.all(demoUnits.map((unit) => putOrgUnit(unit)));
  await Promise.all(demoUsers.map((user) => putUser(user)));
  await setPublicIntakeUnitId(demoPublicIntakeUnitId);
};
