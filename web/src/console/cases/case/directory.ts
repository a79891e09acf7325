/**
 * The org units and officials the signed-in user may see (`GET /v1/directory/units`, `/v1/directory/users`), read
 * once per session and shared by the pages that name units and people (the case page, the ledger).
 */
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Colleague, OrgUnit, Problem } from '../../../api/schema.gen.ts';
import { useSession } from '../../../auth/session.ts';

type Role = Colleague['roles'][number];

const unitsByToken = new Map<string, Promise<OrgUnit[]>>();
const usersByKey = new Map<string, Promise<Colleague[]>>();

const fail = (error: Problem | undefined): never => {
  throw new Error(error?.detail ?? error?.title ?? 'directory');
};

/** The units in the caller's scope, in tree order (cached per token). */
export const loadUnits = (token: string): Promise<OrgUnit[]> => {
  let loading = unitsByToken.get(token);
  if (!loading) {
    loading = api.GET('/v1/directory/units').then(({ data, error }) => (data ? data.items : fail(error)));
    loading.catch(() => unitsByToken.delete(token));
    unitsByToken.set(token, loading);
  }
  return loading;
};

/** The officials of a unit in scope (every unit in scope when `unit` is absent), of one role if asked. */
export const loadUsers = (token: string, unit?: string, role?: Role): Promise<Colleague[]> => {
  const key = `${token}|${unit ?? ''}|${role ?? ''}`;
  let loading = usersByKey.get(key);
  if (!loading) {
    loading = api
      .GET('/v1/directory/users', { params: { query: { unit, role } } })
      .then(({ data, error }) => (data ? data.items : fail(error)));
    loading.catch(() => usersByKey.delete(key));
    usersByKey.set(key, loading);
  }
  return loading;
};

export interface Directory {
  readonly units: readonly OrgUnit[];
  readonly unitName: (id: string) => string;
  /** A unit named with the units above it, below the root: `城东分局 / 监察大队`. */
  readonly unitLabel: (id: string) => string;
  readonly error?: string;
}

/** The units in scope, with lookups that fall back to the id while loading or for units outside the scope. */
export const useUnits = (): Directory => {
  const token = useSession()?.token;
  const [units, setUnits] = useState<readonly OrgUnit[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!token) return;
    let live = true;
    loadUnits(token).then(
      (items) => live && setUnits(items),
      (cause: unknown) => live && setError(cause instanceof Error ? cause.message : String(cause)),
    );
    return () => {
      live = false;
    };
  }, [token]);
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const unitName = (id: string) => byId.get(id)?.name ?? id;
  const unitLabel = (id: string) => {
    const unit = byId.get(id);
    if (!unit) return id;
    const path = unit.path.length > 1 ? unit.path.slice(1) : unit.path;
    return path.map(unitName).join(' / ');
  };
  return { units, unitName, unitLabel, error };
};

/** Display names of the officials in scope, by username (the username itself until loaded, or when unknown). */
export const usePeople = (): ((username: string) => string) => {
  const token = useSession()?.token;
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!token) return;
    let live = true;
    loadUsers(token).then(
      (items) => live && setNames(new Map(items.map((user) => [user.username, user.displayName]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [token]);
  return (username) => {
    const name = names.get(username);
    return name ? `${name}` : username;
  };
};
