/**
 * The ledger of a unit (`GET /v1/ledger`), kept fresh without a reload: read again every 30 seconds, when the window
 * regains focus or the tab becomes visible, and on demand. A slower answer never overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { isProblem, problemText } from '../../api/problems.ts';
import type { paths } from '../../api/schema.gen.ts';
import { fetchSystemNow } from '../cases/case/format.ts';

export type Ledger = paths['/v1/ledger']['get']['responses'][200]['content']['application/json'];
export type LedgerQuery = NonNullable<paths['/v1/ledger']['get']['parameters']['query']>;

export const pollMilliseconds = 30_000;

export interface LedgerState {
  readonly data?: Ledger;
  readonly error?: string;
  readonly loading: boolean;
  /** When the data shown was read (the browser's clock). */
  readonly updatedAt?: number;
  /** The time the system sees (the local clock on one machine), for days left. */
  readonly now: number;
  readonly refresh: () => void;
}

export const fetchLedger = async (query: LedgerQuery): Promise<Ledger> => {
  const { data, error, response } = await api.GET('/v1/ledger', { params: { query } });
  if (data) return data;
  throw new Error(isProblem(error) ? problemText(error) : String(response.status));
};

export const useLedger = (query: LedgerQuery): LedgerState => {
  const key = JSON.stringify(query);
  const [state, setState] = useState<Omit<LedgerState, 'refresh'>>({ loading: true, now: Date.now() });
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    Promise.all([fetchLedger(JSON.parse(key) as LedgerQuery), fetchSystemNow()]).then(
      ([data, now]) => {
        if (request === latest.current) setState({ data, loading: false, updatedAt: Date.now(), now });
      },
      (cause: unknown) => {
        if (request === latest.current) {
          setState((previous) => ({
            ...previous,
            loading: false,
            error: cause instanceof Error ? cause.message : String(cause),
          }));
        }
      },
    );
  }, [key]);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, pollMilliseconds);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { ...state, refresh };
};
