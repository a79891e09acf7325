/**
 * The org units and officials the signed-in user may see (`GET /v1/directory/units`, `/v1/directory/users`), read
 * once per page load and shared by the pages that name units and people.
 */
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Colleague, OrgUnit } from '../../../api/schema.gen.ts';
import { currentToken } from '../../../auth/session.ts';

/** Kept per signed-in token: another user signing in reads their own scope. */
const cache = new Map<string, Promise<unknown[]>>();

const cached =
  <T>(name: string, load: () => Promise<T[]>) =>
  (): Promise<T[]> => {
    const key = `${name}:${currentToken() ?? ''}`;
    let loaded = cache.get(key) as Promise<T[]> | undefined;
    if (!loaded) {
      loaded = load();
      cache.set(key, loaded);
      // A failed or empty read is tried again next time.
      loaded.then(
        (items) => items.length === 0 && cache.delete(key),
        () => cache.delete(key),
      );
    }
    return loaded;
  };

const loadUnits = cached('units', () => api.GET('/v1/directory/units').then(({ data }) => data?.items ?? []));
const loadColleagues = cached('users', () => api.GET('/v1/directory/users').then(({ data }) => data?.items ?? []));

const useLoaded = <T>(load: () => Promise<T[]>): T[] => {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    let live = true;
    load()
      .then((loaded) => {
        if (live) setItems(loaded);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [load]);
  return items;
};

/** The units in scope, in tree order ([] until loaded). */
export const useUnits = (): OrgUnit[] => useLoaded(loadUnits);

/** The officials of the units in scope ([] until loaded). */
export const useColleagues = (): Colleague[] => useLoaded(loadColleagues);

/** A unit's name, else its id. */
export const unitName = (list: readonly OrgUnit[], id: string | undefined): string =>
  (id && list.find((unit) => unit.id === id)?.name) || id || '';

/** An official's display name, else the username. */
export const colleagueName = (list: readonly Colleague[], username: string | undefined): string =>
  (username && list.find((person) => person.username === username)?.displayName) || username || '';
