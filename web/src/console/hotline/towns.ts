/**
 * Suggestions for the town field: the towns of the cases the operator can see (the most recent hundred) and the
 * names of the branches in scope. Free text stays allowed: a town not seen before is typed in full.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useUnits } from '../cases/list/directory.ts';

/** The suggestions, and `remember(town)` to add the town of a call just saved. */
export const useTownSuggestions = (): [string[], (town: string | undefined) => void] => {
  const units = useUnits();
  const [towns, setTowns] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api
      .GET('/v1/cases', { params: { query: { kind: 'complaint', limit: 100 } } })
      .then(({ data }) => {
        if (live && data) setTowns(data.items.flatMap((item) => (item.town ? [item.town] : [])));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  const branches = units.filter((unit) => unit.kind === 'branch').map((unit) => unit.name);
  // Towns callers named before come first; the branches' names after them.
  const suggestions = [...new Set([...[...new Set(towns)].sort(byName), ...branches.sort(byName)])];
  const remember = useCallback((town: string | undefined) => {
    const name = town?.trim();
    if (name) setTowns((known) => (known.includes(name) ? known : [...known, name]));
  }, []);
  return [suggestions, remember];
};
