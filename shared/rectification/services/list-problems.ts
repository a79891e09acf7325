import type { CaseSummary } from '#cases/domain/case-summary.ts';
import { type CaseList, listCases } from '#cases/services/list-cases.ts';
import { lookBacksDuePartition, queryEntries } from '#cases/services/records.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import type { LookBacksQuery, ProblemListQuery } from '#rectification/domain/requests.ts';

/**
 * `GET /v1/rectification-problems`: the problems of a unit and the units below it (default: the caller's), newest
 * first, from the unit's listing entries (`SCOPE#<unit>` on gsi1, as `GET /v1/cases` reads them) filtered to kind
 * `rectification` and the source, band and colour asked for — never a scan.
 */
export const listProblems = (query: ProblemListQuery, principal: Principal): Promise<CaseList> =>
  listCases(
    {
      kind: 'rectification',
      limit: query.limit,
      ...(query.unit ? { unit: query.unit } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    },
    principal,
    { source: query.source, band: query.band, colour: query.colour },
  );

export interface LookBacksDue {
  /** The day asked for: look-backs due on or before it. */
  readonly due: string;
  /** Earliest due first. */
  readonly items: readonly CaseSummary[];
}

/**
 * `GET /v1/rectification-problems/look-backs`: the struck-off problems in the caller's scope whose look-back (回头看)
 * is due by `due` (default today, Asia/Shanghai), earliest first, from the look-back entries (gsi1 `LOOKBACK`, by due
 * day): only the look-backs pending are read, never the problems done with.
 */
export const listLookBacksDue = async (query: LookBacksQuery, principal: Principal): Promise<LookBacksDue> => {
  const due = query.due ?? bureauDate(now());
  const page = await queryEntries({
    partition: lookBacksDuePartition,
    // The sort key is `<due day>#<id>`: everything up to the day asked for.
    receivedTo: due,
    visibleTo: principal.unitId,
    limit: query.limit,
    ascending: true,
  });
  return { due, items: page.items };
};
