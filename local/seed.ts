import { getOrgUnit, getUser, putOrgUnit, putUser, setPublicIntakeUnitId } from '#directory/store/directory.ts';
import { OrgUnitNotFoundError, UserNotFoundError } from '#directory/store/errors.ts';
import { demoPublicIntakeUnitId, demoUnits, demoUsers } from './demo-organisation.ts';

const exists = async <T>(read: () => Promise<T>, notFound: new (...args: never[]) => Error): Promise<boolean> => {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof notFound) return false;
    throw error;
  }
};

/**
 * Seeds the demo organisation unless it is already there (a restart keeps what users changed). On a restart, demo
 * users added to the seed since the data was created are added, never overwriting one that exists (existing ones are
 * saved again unchanged, so that they carry the keys of indexes added since).
 */
export const seedDemo = async (): Promise<{ created: boolean; addedUsers: string[] }> => {
  if (await exists(() => getOrgUnit('city'), OrgUnitNotFoundError)) {
    const missing = [];
    for (const user of demoUsers) {
      const stored = await getUser(user.username).catch((error: unknown) => {
        if (error instanceof UserNotFoundError) return undefined;
        throw error;
      });
      // A stored user is saved again as it is: data from before the unit-members index gains its keys.
      await putUser(stored ?? user);
      if (!stored) missing.push(user);
    }
    return { created: false, addedUsers: missing.map((user) => user.username) };
  }
  // The root unit goes in last: it marks a finished seed, so an interrupted first start seeds again.
  const [root, ...others] = demoUnits;
  for (const unit of others) await putOrgUnit(unit);
  for (const user of demoUsers) await putUser(user);
  await setPublicIntakeUnitId(demoPublicIntakeUnitId);
  if (root) await putOrgUnit(root);
  return { created: true, addedUsers: demoUsers.map((user) => user.username) };
};
