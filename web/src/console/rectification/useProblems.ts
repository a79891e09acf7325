/**
 * The rectification problems of a filter (`GET /v1/rectification-problems`), every page of them up to a cap, so the
 * ledger can count them by colour: the API pages the list but counts no colours for a source, band or unit.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { CaseSummary, operations } from '../../api/schema.gen.ts';
import { failureReason } from '../statistics/problem.ts';

export type ProblemQuery = NonNullable<operations['listRectificationProblemsGet']['parameters']['query']>;
export type ProblemFilter = Pick<ProblemQuery, 'source' | 'band' | 'unit'>;

const pageSize = 100;
/** The most problems read for one view (a county's ledger holds a few hundred). */
export const maxProblems = 1000;

export interface Problems {
  readonly items: readonly CaseSummary[];
  readonly loading: boolean;
  /** More problems match than were read. */
  readonly truncated: boolean;
  readonly error?: string;
}

export const useProblems = (filter: ProblemFilter): Problems => {
  const [state, setState] = useState<Problems>({ items: [], loading: true, truncated: false });
  const key = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `filter`
  useEffect(() => {
    let live = true;
    setState((before) => ({ ...before, loading: true }));
    const read = async () => {
      const items: CaseSummary[] = [];
      let cursor: string | undefined;
      do {
        const { data, error, response } = await api.GET('/v1/rectification-problems', {
          params: { query: { ...filter, limit: pageSize, ...(cursor ? { cursor } : {}) } },
        });
        if (!data) throw new Error(failureReason(error, response));
        items.push(...data.items);
        cursor = data.nextCursor;
      } while (cursor && items.length < maxProblems && live);
      return { items, truncated: cursor !== undefined };
    };
    read().then(
      ({ items, truncated }) => live && setState({ items, truncated, loading: false }),
      (cause: unknown) =>
        live &&
        setState({
          items: [],
          truncated: false,
          loading: false,
          error: cause instanceof Error ? cause.message : String(cause),
        }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
};
