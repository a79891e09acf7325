/**
 * How other capabilities read the organisation: units, people and who holds a role where. The directory's store is
 * private to it (an import rule), so every other capability comes through here.
 *
 * Org units and the public intake setting change a few times a year, and every intake reads them: this process keeps
 * what it read for a minute (as the working calendar does), so a warm function reads neither on its critical path. A
 * change made elsewhere shows within that minute; a unit that is not there is not remembered, so a new unit shows at
 * once.
 */
import type { OrgUnit } from '#directory/domain/org-units.ts';
import * as directory from '#directory/store/directory.ts';
import { tableName } from '#platform/config.ts';

export {
  getUser,
  listAllRoleMembers,
  listChildUnits,
  listRoleMembers,
  type RoleMember,
} from '#directory/store/directory.ts';

/** How long a unit or setting read by this process is used without reading it again. */
export const directoryCacheMs = 60_000;

interface Cached<T> {
  readonly readAt: number;
  readonly value: Promise<T>;
}

/** Per table (tests run several tables in one process) and key; concurrent callers share one read. */
const cache = new Map<string, Cached<unknown>>();

const cached = <T>(key: string, read: () => Promise<T>): Promise<T> => {
  const slot = `${tableName('main')}\u0000${key}`;
  const at = Date.now();
  const hit = cache.get(slot) as Cached<T> | undefined;
  if (hit && at - hit.readAt < directoryCacheMs) return hit.value;
  const value = read();
  cache.set(slot, { readAt: at, value });
  // A failed read (a missing unit, an error) is not kept: the next call reads again.
  value.catch(() => {
    if (cache.get(slot)?.value === value) cache.delete(slot);
  });
  return value;
};

/** An org unit by id (at most a minute old). @throws OrgUnitNotFoundError when there is no such unit. */
export const getOrgUnit = (id: string): Promise<OrgUnit> => cached(`UNIT#${id}`, () => directory.getOrgUnit(id));

/** The unit that owns the public's web complaints (at most a minute old); undefined until an admin sets it. */
export const getPublicIntakeUnitId = (): Promise<string | undefined> =>
  cached('SETTING#public-intake-unit', () => directory.getPublicIntakeUnitId());
