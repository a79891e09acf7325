import {
  type CounterBucket,
  queryLedgerEntries,
  readCounterBuckets,
  readOpenCounters,
} from '#cases/services/records.ts';
import type { ProgressColour } from '#deadlines/domain/deadlines.ts';
import { requireInScope } from '#directory/domain/scope.ts';
import { getOrgUnit, listChildUnits } from '#directory/services/lookup.ts';
import {
  type ColourCounts,
  colourCountsOf,
  type Ledger,
  type LedgerQuery,
  ownCounts,
  zeroCounts,
} from '#ledger/domain/ledger.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauYear, startOfBureauDay } from '#platform/domain/time.ts';
import { finishedBucket } from '#statistics/domain/counters.ts';

/**
 * The ledger of a unit within the caller's scope (default: the caller's unit). Its counts come from the counters kept
 * with every case change — one item of open cases and one per day with finished cases, for the unit and each unit
 * directly below — and the cases behind each colour from the ledger index, at most `limit` each: its reads grow with
 * the units and days it shows, not with the cases the unit ever had.
 */
export const readLedger = async (query: LedgerQuery, principal: Principal): Promise<Ledger> => {
  const unitId = query.unit ?? principal.unitId;
  const unit = await getOrgUnit(unitId);
  requireInScope(unit.path, principal, '所查单位不在您的管辖范围内');
  const sinceDate = query.finishedSince ?? `${bureauYear(now())}-01-01`;
  const finishedSince = startOfBureauDay(sinceDate).toISOString();
  const by = { kind: query.kind, category: query.category };
  let itemsRead = 0;

  const countsOf = async (id: string): Promise<ColourCounts> => {
    const [open, finishedDays] = await Promise.all([
      readOpenCounters(id),
      // To the last day there is: a clock moved back (the one-machine runtime) must not hide what was finished.
      readCounterBuckets(id, finishedBucket(sinceDate), finishedBucket('9999-12-31')),
    ]);
    itemsRead += 1 + finishedDays.length;
    return colourCountsOf({ open: open.figures, finishedDays: finishedDays.map(figuresOf) }, by);
  };

  const [children, department] = await Promise.all([
    listChildUnits(unitId),
    query.department ? getOrgUnit(query.department) : undefined,
  ]);
  // With a department, only the cases it holds count: its own counters, in the row of the unit above it.
  const departmentCounts = department?.path.includes(unitId) ? await countsOf(department.id) : undefined;
  const countsWithin = (id: string) =>
    department
      ? Promise.resolve(department.path.includes(id) && departmentCounts ? departmentCounts : zeroCounts())
      : countsOf(id);

  const listOf = (colour: ProgressColour) =>
    queryLedgerEntries({
      unitId,
      colour,
      equals: { ...by, departmentId: query.department },
      ...(colour === 'green' ? { finishedSince } : {}),
      limit: query.limit,
    });
  const [counts, rows, [red, yellow, blue, green]] = await Promise.all([
    countsWithin(unitId),
    Promise.all(
      children.map(async (child) => ({ unitId: child.id, name: child.name, counts: await countsWithin(child.id) })),
    ),
    Promise.all([listOf('red'), listOf('yellow'), listOf('blue'), listOf('green')]),
  ]);
  itemsRead += red.itemsRead + yellow.itemsRead + blue.itemsRead + green.itemsRead;
  return {
    unitId,
    finishedSince,
    counts,
    own: ownCounts(counts, rows),
    units: rows,
    cases: { red: red.items, yellow: yellow.items, blue: blue.items, green: green.items },
    itemsRead,
  };
};

const figuresOf = (bucket: CounterBucket) => bucket.figures;
