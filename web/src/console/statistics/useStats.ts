/**
 * The statistics of a view (`GET /v1/stats`), read three times in parallel — by unit below, by month and by category —
 * since each answer carries the totals as well as its rows. Read again when the view changes and on demand; a slower
 * answer never overwrites a newer one. Also the system's today (the settable local clock on one machine), from which
 * the default period is counted.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Stats } from '../../api/schema.gen.ts';
import { bureauDay, fetchSystemNow } from '../cases/case/format.ts';
import { failureReason } from './problem.ts';
import type { StatsView } from './view.ts';

export type Grouping = NonNullable<Stats['groupBy']>;

export interface StatsByGroup {
  readonly department: Stats;
  readonly month: Stats;
  readonly category: Stats;
}

export interface StatsState {
  /** The figures of `view`, once read; kept while a newer view is read, dropped when it fails. */
  readonly data?: StatsByGroup;
  readonly view?: StatsView;
  /** The API's problem `detail` (or the status) when the last read failed. */
  readonly error?: string;
  readonly loading: boolean;
  readonly refresh: () => void;
}

export const fetchStats = async (view: StatsView, groupBy: Grouping): Promise<Stats> => {
  const { data, error, response } = await api.GET('/v1/stats', { params: { query: { ...view, groupBy } } });
  if (data) return data;
  throw new Error(failureReason(error, response));
};

export const useStats = (view: StatsView | undefined): StatsState => {
  const key = view ? JSON.stringify(view) : '';
  const [state, setState] = useState<Omit<StatsState, 'refresh'>>({ loading: true });
  const latest = useRef(0);

  const refresh = useCallback(() => {
    if (!key) return;
    const asked = JSON.parse(key) as StatsView;
    const request = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    Promise.all([fetchStats(asked, 'department'), fetchStats(asked, 'month'), fetchStats(asked, 'category')]).then(
      ([department, month, category]) => {
        if (request === latest.current)
          setState({ data: { department, month, category }, view: asked, loading: false });
      },
      (cause: unknown) => {
        // The figures of another view are not left beside the error, to be taken for this one's.
        if (request === latest.current) {
          setState({ loading: false, error: cause instanceof Error ? cause.message : String(cause) });
        }
      },
    );
  }, [key]);

  useEffect(refresh, [refresh]);
  return { ...state, refresh };
};

/** The system's today in Asia/Shanghai, `YYYY-MM-DD`, once known. */
export const useSystemToday = (): string | undefined => {
  const [today, setToday] = useState<string>();
  useEffect(() => {
    let live = true;
    fetchSystemNow().then((now) => live && setToday(bureauDay(now)));
    return () => {
      live = false;
    };
  }, []);
  return today;
};
