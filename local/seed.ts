import { getOrgUnit, putOrgUnit, putUser, setPublicIntakeUnitId } from '#directory/store/directory.ts';
import { OrgUnitNotFoundError } from '#directory/store/errors.ts';
import { demoPublicIntakeUnitId, demoUnits, demoUsers } from './demo-organisation.ts';

/** Seeds the demo organisation unless it is already there (a restart keeps what users changed). */
export const seedDemo = async (): Promise<{ created: boolean }> => {
  try {
    await getOrgUnit('city');
    return { created: false };
  } catch (error) {
    if (!(error instanceof OrgUnitNotFoundError)) throw error;
  }
  // The root unit goes in last: it marks a finished seed, so an interrupted first start seeds again.
  const [root, ...others] = demoUnits;
  for (const unit of others) await putOrgUnit(unit);
  for (const user of demoUsers) await putUser(user);
  await setPublicIntakeUnitId(demoPublicIntakeUnitId);
  if (root) await putOrgUnit(root);
  return { created: true };
};
