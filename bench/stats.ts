/**
 * The statistics benchmark: does a year's statistics of the bureau read its counters — one item per day — and not its
 * cases?
 *
 * For each size N it stores N complaint cases received in 2026 in a fresh table of an in-memory DynamoDB Local, built
 * with the domain (`bench/case-population.ts`) and stored as the app stores them (the case item from `toCaseItem`, its
 * listing entries from `entryWrites`), and beside them the case counters as the app keeps them: `recount` of those
 * cases, one item per unit and bucket in the shape `shared/cases/store/case-counters.ts` writes. A full read of the
 * table with the app's `scanCasesAndCounters` must then find the counters equal to their recount (`compareCounters`).
 * Then it times `readStats` for the year (the service of `GET /v1/statistics`, as the supervisor of the bureau), in
 * total and by department, and the city's four-colour ledger (`readLedger`: its counts from the counters, the cases
 * behind each colour from the ledger index), against the in-run baseline: a recount by scanning (`scanCasesAndCounters`, then `recount`). Reads are
 * metered with DynamoDB's own figures (ReturnConsumedCapacity) and the items each call read, by a middleware on the
 * app's document client, so the app's code is measured unchanged.
 */
import {
  type ConsumedCapacity,
  CreateTableCommand,
  DeleteTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Case, isFinishedState } from '#cases/domain/case.ts';
import type { CounterBucket } from '#cases/services/records.ts';
import { checkCase } from '#deadlines/domain/deadlines.ts';
import { tables } from '#platform/catalog/tables.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { type CounterCell, recount } from '#statistics/domain/counters.ts';
import { compareCounters } from '#statistics/domain/reconciliation.ts';
import { demoUnits } from '../local/demo-organisation.ts';
import { createTableInput } from '../local/provision.ts';
import { casePopulation, randomSource, seedingTimeContext } from './case-population.ts';
import { itemSize } from './item-size.ts';
import { withBenchDynamoDb } from './local-dynamodb.ts';

export const defaultSizes: readonly number[] = [10_000, 100_000];

const year = '2026';
const period = { from: `${year}-01-01`, to: `${year}-12-31` } as const;
/**
 * When the table is as seeded: 01:00 in Beijing on the last day of 2026, the year's last nightly check done. Finished
 * cases were received 65 to 400 days before it (those received in 2025 are built again), open ones in its last weeks.
 */
const asAt = new Date(`${year}-12-31T01:00:00+08:00`);
/** A small round first, not reported: the JVM's first requests are slow, and would flatter the later sizes. */
const warmUpSize = 2_000;
/** BatchWrite requests in flight while seeding (25 items each), as the sweep benchmark. */
const writeConcurrency = 8;
const batchSize = 25;
/** Timed calls of each read after one untimed call; the median is reported. */
const statsRepeats = 7;
const ledgerRepeats = 3;
/**
 * The baseline's Scan (the app's `scanCasesAndCounters`) is read in segments of about this many items, eight requests
 * in flight: DynamoDB Local re-sorts the rest of a segment for every 1 MB page, so one segment over the whole table
 * takes time quadratic in its size (72,256 items: 56–88 s in one segment, 4.5 s in 73), where DynamoDB is linear.
 */
const scanSegmentItems = 1_000;
/**
 * Up to this many items in the table (N ≤ ~2,500), the app's Scan is also run in one segment, once, to show that it reads the
 * same items and capacity; beyond, one segment takes minutes (N=10,000: 88 s), and at N=100,000 hours.
 */
const unsplitScanLimit = 20_000;

/** A supervisor of the bureau (the root unit): statistics and the ledger of every unit are open to them. */
const supervisor: Principal = { username: 'supervisor', roles: ['supervisor'], unitId: 'city' };
const root = 'city';

/**
 * The departments a case is assigned to, with their people, and how often: the population assigns to two of the east
 * branch's departments; here the assigned cases are spread over both branches. (The demo organisation's management
 * departments have nobody to take a case.)
 */
const departmentWeights: readonly (readonly [string, string, string, number])[] = [
  ['east-enforcement', 'handler', 'lead', 40],
  ['east-solid-waste', 'handler2', 'lead', 20],
  ['west-enforcement', 'handler3', 'lead2', 40],
];
const unitPathOf = (id: string): readonly string[] => {
  const unit = demoUnits.find((candidate) => candidate.id === id);
  if (!unit) throw new Error(`no demo unit ${id}`);
  return unit.path;
};

/** What one group of metered reads cost: DynamoDB's capacity units, and the items read. */
interface Cost {
  calls: number;
  units: number;
  items: number;
}
const noCost = (): Cost => ({ calls: 0, units: 0, items: 0 });
const addCost = (a: Cost, b: Cost): Cost => ({
  calls: a.calls + b.calls,
  units: a.units + b.units,
  items: a.items + b.items,
});

/**
 * What a read is of, by its key: the case counters, the survey counters, listing entries, the ledger index (listing
 * entries by colour), a scan, the directory.
 */
type ReadKind = 'counters' | 'survey counters' | 'entries' | 'ledger index' | 'scan' | 'other';
const readKinds: readonly ReadKind[] = ['counters', 'survey counters', 'entries', 'ledger index', 'scan', 'other'];

const readCommands = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);

const kindOf = (command: string, input: Input): ReadKind => {
  if (command === 'ScanCommand') return 'scan';
  const pk = String(input.Key?.pk ?? input.ExpressionAttributeValues?.[':pk'] ?? '');
  if (pk.startsWith('STATS#')) return 'counters';
  if (pk.startsWith('SURVEYSTATS#')) return 'survey counters';
  if (pk.startsWith('SCOPE#')) return 'entries';
  if (pk.startsWith('LEDGER#')) return 'ledger index';
  return 'other';
};

type Input = {
  ReturnConsumedCapacity?: string;
  Key?: { pk?: unknown };
  ExpressionAttributeValues?: Record<string, unknown>;
  Segment?: number;
  TotalSegments?: number;
  ExclusiveStartKey?: unknown;
};
type Output = {
  ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[];
  Count?: number;
  ScannedCount?: number;
  Item?: unknown;
  Items?: unknown[];
  LastEvaluatedKey?: unknown;
  Responses?: Record<string, unknown[]> | unknown[];
};

/** The items one answer read and the capacity units it used, as DynamoDB reports them. */
const costOf = (command: string, output: Output): Cost => {
  const units = [output.ConsumedCapacity ?? []].flat().reduce((sum, used) => sum + (used.CapacityUnits ?? 0), 0);
  const responses = output.Responses ?? [];
  const items =
    output.ScannedCount ??
    output.Count ??
    (command === 'GetItemCommand'
      ? Number(output.Item !== undefined)
      : Object.values(responses).reduce<number>(
          (sum, response) => sum + (Array.isArray(response) ? response.length : 1),
          0,
        ));
  return { calls: 1, units, items };
};

/**
 * Meters the app's own reads with DynamoDB's figures: while `on`, every read the document client sends asks for
 * ReturnConsumedCapacity TOTAL, and adds its capacity units and the items it read — `ScannedCount` (what DynamoDB
 * reads and bills, before any filter), else `Count`, else the items of a Get or BatchGet — to the kind of item read.
 * A middleware on the client's stack (as the sweep and surveys benchmarks'), so the app's code is measured unchanged.
 */
const capacityMeter = (client: DynamoDBDocumentClient) => {
  const meter = { on: false, reads: new Map<ReadKind, Cost>() };
  const count = (kind: ReadKind, cost: Cost) => {
    meter.reads.set(kind, addCost(meter.reads.get(kind) ?? noCost(), cost));
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      if (!meter.on || !readCommands.has(command)) return next(args);
      const input = args.input as Input;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      count(kindOf(command, input), costOf(command, result.output as Output));
      return result;
    },
    { step: 'initialize', name: 'benchStatsMeter' },
  );
  return meter;
};

type Services = Awaited<ReturnType<typeof loadServices>>;

/** Imported only once the environment points at DynamoDB Local (configuration is read when modules load). */
const loadServices = async () => {
  const [
    { readStats },
    { readLedger },
    { scanCasesAndCounters },
    { toCaseItem },
    { entryWrites },
    { getOrgUnit },
    { dynamo },
    { seedDemo },
  ] = await Promise.all([
    import('#statistics/services/read-stats.ts'),
    import('#ledger/services/read-ledger.ts'),
    import('#cases/services/records.ts'),
    import('#cases/store/cases.ts'),
    import('#cases/store/case-index.ts'),
    import('#directory/services/lookup.ts'),
    import('#platform/dynamodb/client.ts'),
    import('../local/seed.ts'),
  ]);
  /** Exactly the items the app writes for a new case: the case and its listing entries. */
  const itemsOf = (item: Case): Record<string, unknown>[] => [
    toCaseItem(item),
    ...entryWrites(undefined, item).flatMap((write) => ('Put' in write ? [write.Put.Item] : [])),
  ];
  return {
    readStats,
    readLedger,
    scanCasesAndCounters,
    itemsOf,
    getOrgUnit,
    dynamo,
    seedDemo,
    meter: capacityMeter(dynamo()),
  };
};

/**
 * The counter items of `cells`, one per unit and bucket, as `shared/cases/store/case-counters.ts` leaves them: key
 * `STATS#<unit>` / bucket, `type` `counters`, `unitId`, `bucket`, and one attribute per figure. (The app reaches this
 * shape by `ADD`s, one per change of a case; a counter that went back to 0 stays there as 0, which a recount leaves
 * out — the same figures.)
 */
const counterItems = (cells: Iterable<CounterCell>): Record<string, unknown>[] => {
  const items = new Map<string, Record<string, unknown>>();
  for (const cell of cells) {
    const key = `${cell.unitId}\u0000${cell.bucket}`;
    let item = items.get(key);
    if (!item) {
      item = {
        pk: `STATS#${cell.unitId}`,
        sk: cell.bucket,
        type: 'counters',
        unitId: cell.unitId,
        bucket: cell.bucket,
      };
      items.set(key, item);
    }
    item[cell.name] = cell.value;
  }
  return [...items.values()];
};

/**
 * N cases received in 2026, as they stand at `asAt`: built with the domain (70% finished, 28% open and far from a
 * deadline, 2% due at the night of `asAt`), rebuilt while received in 2025; assigned cases moved to a department of
 * either branch (`departmentWeights`); and the cases due that night checked (`checkCase`), so they are stored yellow
 * or red as the nightly check leaves them.
 */
const buildCases = (n: number) => {
  const time = seedingTimeContext();
  const population = casePopulation({ sweepAt: asAt, seed: n, time });
  const random = randomSource(n + 1);
  const total = departmentWeights.reduce((sum, [, , , weight]) => sum + weight, 0);
  const department = () => {
    let left = random() * total;
    for (const entry of departmentWeights) {
      left -= entry[3];
      if (left < 0) return entry;
    }
    return departmentWeights[0] as (typeof departmentWeights)[number];
  };
  const cases: Case[] = [];
  let rebuilt = 0;
  for (let index = 0; index < n; index += 1) {
    let item = population.next(index);
    while (bureauDate(new Date(item.receivedAt)).slice(0, 4) !== year) {
      rebuilt += 1;
      item = population.next(index);
    }
    if (item.assignment) {
      const [departmentId, responsibleUsername, leadUsername] = department();
      item = {
        ...item,
        assignment: {
          ...item.assignment,
          departmentId,
          departmentPath: unitPathOf(departmentId),
          responsibleUsername,
          leadUsername,
        },
      };
    }
    if (item.nextCheckAt && new Date(item.nextCheckAt).getTime() <= asAt.getTime()) {
      const result = checkCase(item, asAt, time);
      const recorded = result.colourChanged || result.notices.length > 0 || result.filledIn.length > 0;
      item = { ...result.case, version: item.version + 1, historyLength: item.historyLength + (recorded ? 1 : 0) };
    }
    cases.push(item);
  }
  return { cases, rebuilt };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const writeBatch = async (services: Services, table: string, items: Record<string, unknown>[]): Promise<void> => {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt += 1) {
    if (attempt > 0) await sleep(Math.min(1_000, 20 * 2 ** attempt));
    const { UnprocessedItems } = await services
      .dynamo()
      .send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
    requests = (UnprocessedItems?.[table] ?? []) as typeof requests;
    if (attempt > 20) throw new Error(`BatchWrite left ${requests.length} items unprocessed after ${attempt} attempts`);
  }
};

/** Writes the items `source` yields, 25 a request, `writeConcurrency` requests in flight. */
const writeAll = async (services: Services, table: string, source: Iterator<Record<string, unknown>>) => {
  let written = 0;
  const nextBatch = () => {
    const batch: Record<string, unknown>[] = [];
    for (let next = source.next(); !next.done; next = source.next()) {
      batch.push(next.value);
      if (batch.length === batchSize) break;
    }
    return batch;
  };
  await Promise.all(
    Array.from({ length: writeConcurrency }, async () => {
      for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
        written += batch.length;
        await writeBatch(services, table, batch);
      }
    }),
  );
  return written;
};

interface Seeded {
  readonly cases: readonly Case[];
  readonly rebuilt: number;
  readonly buildMs: number;
  readonly caseItems: number;
  readonly counterItems: number;
  readonly largestCounterItem: number;
  readonly counterBytes: number;
  readonly writeMs: number;
}

const seed = async (services: Services, table: string, n: number): Promise<Seeded> => {
  let started = performance.now();
  const { cases, rebuilt } = buildCases(n);
  const counters = counterItems(recount(cases).values());
  const buildMs = performance.now() - started;
  started = performance.now();
  function* caseItems() {
    for (const item of cases) yield* services.itemsOf(item);
  }
  const caseItemCount = await writeAll(services, table, caseItems());
  await writeAll(services, table, counters.values());
  const sizes = counters.map(itemSize);
  return {
    cases,
    rebuilt,
    buildMs,
    caseItems: caseItemCount,
    counterItems: counters.length,
    largestCounterItem: Math.max(...sizes),
    counterBytes: sizes.reduce((sum, size) => sum + size, 0),
    writeMs: performance.now() - started,
  };
};

/** One measured read: the median time of the timed calls, and what one call read (the same each time), by kind. */
interface Read {
  readonly ms: number;
  readonly reads: ReadonlyMap<ReadKind, Cost>;
}
const totalOf = (read: Read): Cost => [...read.reads.values()].reduce(addCost, noCost());
const ofKind = (read: Read, kind: ReadKind): Cost => read.reads.get(kind) ?? noCost();

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Calls `read` once untimed, then `repeats` times metered; each call starts with the root unit's cache warm. */
const measure = async <T>(services: Services, repeats: number, read: () => Promise<T>) => {
  await read();
  const times: number[] = [];
  let result: T | undefined;
  let reads = new Map<ReadKind, Cost>();
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    // Units are read through the directory's one-minute cache: renewed here, unmetered, so each metered call reads
    // only what the service itself reads (the lists of child units are not cached, and count as `other`).
    await services.getOrgUnit(root);
    services.meter.reads = new Map();
    services.meter.on = true;
    const started = performance.now();
    try {
      result = await read();
    } finally {
      services.meter.on = false;
    }
    times.push(performance.now() - started);
    reads = services.meter.reads;
  }
  return { result: result as T, read: { ms: median(times), reads } satisfies Read };
};

/**
 * The baseline: every case and counter read by the app's scan in `segments` parallel segments (one: a plain Scan),
 * kept here, then the counters recounted from the cases.
 */
const scanAndRecount = async (services: Services, segments: number) => {
  services.meter.reads = new Map();
  services.meter.on = true;
  let started = performance.now();
  const cases: Case[] = [];
  const buckets: CounterBucket[] = [];
  let totals: Awaited<ReturnType<Services['scanCasesAndCounters']>>;
  try {
    totals = await services.scanCasesAndCounters(
      { case: (item) => cases.push(item), counters: (bucket) => buckets.push(bucket) },
      { segments },
    );
  } finally {
    services.meter.on = false;
  }
  const scanned = { cases, buckets, ...totals };
  const scanMs = performance.now() - started;
  const reads = services.meter.reads;
  started = performance.now();
  const recounted = recount(scanned.cases);
  const recountMs = performance.now() - started;
  return { scanned, recounted, scanMs, recountMs, read: { ms: scanMs + recountMs, reads } satisfies Read };
};

type Ledger = Awaited<ReturnType<Services['readLedger']>>;

interface Round {
  readonly n: number;
  readonly seeded: Omit<Seeded, 'cases'>;
  readonly stats: Read;
  readonly byDepartment: Read;
  readonly ledger: Read;
  readonly scan: Read;
  readonly scanSegments: number;
  readonly scanMs: number;
  /** The app's Scan as it sends it (one segment), where the table is small enough: time, items and capacity. */
  readonly unsplit?: { readonly ms: number; readonly cost: Cost; readonly cases: number; readonly buckets: number };
  readonly recountMs: number;
  readonly scanReported: { readonly itemsRead: number; readonly capacityUnits: number };
  readonly itemsReadReported: { readonly stats: number; readonly byDepartment: number };
  readonly statsRows: number;
  readonly ledgerCounts: Ledger['counts'];
  readonly ledgerFromCounters: Ledger['counts'];
  readonly months: ReadonlyMap<string, { received: number; open: number }>;
  readonly problems: readonly string[];
}

/** What the statistics must say, counted here from the cases as seeded (as test/statistics counts them). */
const expectedOf = (cases: readonly Case[]) => {
  const closed = cases.filter((item) => item.state === 'closed');
  const open = cases.filter((item) => !isFinishedState(item.state));
  const sum = (figure: (item: Case) => number) => cases.reduce((total, item) => total + figure(item), 0);
  const byColour: Record<string, number> = {};
  for (const item of open) byColour[item.colour ?? 'none'] = (byColour[item.colour ?? 'none'] ?? 0) + 1;
  return {
    counts: {
      received: cases.length,
      accepted: cases.filter((item) => !['registered', 'rejected', 'merged'].includes(item.state)).length,
      rejected: cases.filter((item) => item.state === 'rejected').length,
      merged: cases.filter((item) => item.state === 'merged').length,
      closed: closed.length,
      closedOnTime: closed.filter((item) => !item.late).length,
      closedLate: closed.filter((item) => item.late).length,
      open: open.length,
      openOverdue: open.filter((item) => item.colour === 'red').length,
      extensions: sum((item) => item.extensions.filter((extension) => extension.status === 'approved').length),
      returns: sum((item) => item.returnCount),
      reviews: sum((item) => item.reviewCount ?? 0),
      reopened: sum((item) => item.reopenCount ?? 0),
    } as Record<string, number>,
    byColour,
  };
};

const differences = (label: string, actual: Readonly<Record<string, number>>, wanted: Record<string, number>) =>
  [...new Set([...Object.keys(actual), ...Object.keys(wanted)])]
    .filter((name) => (actual[name] ?? 0) !== (wanted[name] ?? 0))
    .map((name) => `${label}: ${name} ${actual[name] ?? 0}, the cases say ${wanted[name] ?? 0}`);

/** The ledger's counts as the city's counters give them: open by colour, and finished since 1 January. */
const ledgerFromCounters = (recounted: ReadonlyMap<string, CounterCell>): Ledger['counts'] => {
  const counts = { red: 0, yellow: 0, blue: 0, green: 0 };
  for (const cell of recounted.values()) {
    if (cell.unitId !== root) continue;
    if (cell.bucket === 'OPEN' && cell.name.startsWith('colour.') && !cell.name.includes('|')) {
      const colour = cell.name.slice('colour.'.length);
      if (colour === 'red' || colour === 'yellow') counts[colour] += cell.value;
      else counts.blue += cell.value;
    }
    if (
      cell.bucket.startsWith('F#') &&
      cell.bucket >= `F#${period.from}` &&
      (cell.name === 'finished.closed' || cell.name === 'finished.rejected')
    ) {
      counts.green += cell.value;
    }
  }
  return counts;
};

const round = async (services: Services, admin: DynamoDBClient, n: number): Promise<Round> => {
  const table = `bench-stats-${n}-${Date.now()}`;
  await admin.send(new CreateTableCommand(createTableInput(tables.main, table)));
  process.env[tables.main.envVar] = table;
  try {
    await services.seedDemo();
    const { cases, ...seeded } = await seed(services, table, n);

    const scanSegments = Math.ceil((seeded.caseItems + seeded.counterItems) / scanSegmentItems);
    const baseline = await scanAndRecount(services, scanSegments);
    const stored: CounterCell[] = baseline.scanned.buckets.flatMap((bucket) =>
      Object.entries(bucket.figures).map(([name, value]) => ({
        unitId: bucket.unitId,
        bucket: bucket.bucket,
        name,
        value,
      })),
    );
    const counterDifferences = compareCounters(stored, baseline.scanned.cases);

    const query = { from: period.from, to: period.to };
    const stats = await measure(services, statsRepeats, () => services.readStats(query, supervisor));
    const byDepartment = await measure(services, statsRepeats, () =>
      services.readStats({ ...query, groupBy: 'department' }, supervisor),
    );
    const ledger = await measure(services, ledgerRepeats, () =>
      services.readLedger({ unit: root, finishedSince: period.from, limit: 50 }, supervisor),
    );

    let unsplit: Round['unsplit'];
    if (seeded.caseItems + seeded.counterItems <= unsplitScanLimit) {
      const { scanned, scanMs, read } = await scanAndRecount(services, 1);
      unsplit = { ms: scanMs, cost: totalOf(read), cases: scanned.cases.length, buckets: scanned.buckets.length };
    }

    const expected = expectedOf(cases);
    const fromCounters = ledgerFromCounters(baseline.recounted);
    const rows = byDepartment.result.rows;
    const rowSum = (name: string) =>
      rows.reduce((total, row) => total + ((row.counts as Record<string, number>)[name] ?? 0), 0);
    const problems = [
      ...counterDifferences
        .slice(0, 5)
        .map(
          (difference) =>
            `counter ${difference.unitId} ${difference.bucket} ${difference.name}: stored ${difference.stored}, ` +
            `recounted ${difference.recounted}`,
        ),
      ...(counterDifferences.length > 5 ? [`… ${counterDifferences.length} counters differ in all`] : []),
      ...(baseline.scanned.cases.length === n ? [] : [`the scan found ${baseline.scanned.cases.length} cases`]),
      ...(!unsplit ||
      (unsplit.cases === baseline.scanned.cases.length &&
        unsplit.buckets === baseline.scanned.buckets.length &&
        unsplit.cost.items === totalOf(baseline.read).items)
        ? []
        : [
            `the unsplit scan read ${unsplit.cost.items} items (${unsplit.cases} cases, ${unsplit.buckets} counter ` +
              `items), the split one ${totalOf(baseline.read).items}`,
          ]),
      ...(baseline.scanned.buckets.length === seeded.counterItems
        ? []
        : [`the scan found ${baseline.scanned.buckets.length} counter items, ${seeded.counterItems} were written`]),
      ...differences('stats', stats.result.counts, expected.counts),
      ...differences('stats by department', byDepartment.result.counts, expected.counts),
      ...differences('stats, open now by colour', stats.result.openNow.byColour, expected.byColour),
      ...Object.keys(expected.counts)
        .filter((name) => rowSum(name) !== (expected.counts[name] ?? 0))
        .map(
          (name) => `stats by department: the rows' ${name} add up to ${rowSum(name)}, not ${expected.counts[name]}`,
        ),
      ...(ofKind(stats.read, 'scan').calls + ofKind(byDepartment.read, 'scan').calls === 0
        ? []
        : ['the statistics scanned the table']),
      ...(ofKind(stats.read, 'entries').calls + ofKind(byDepartment.read, 'entries').calls === 0
        ? []
        : ['the statistics read listing entries']),
      ...(['red', 'yellow', 'blue', 'green'] as const)
        .filter((colour) => ledger.result.counts[colour] !== fromCounters[colour])
        .map(
          (colour) =>
            `the ledger counts ${colour} ${ledger.result.counts[colour]}; the recount says ${fromCounters[colour]}`,
        ),
      ...(ofKind(ledger.read, 'scan').calls + ofKind(ledger.read, 'entries').calls === 0
        ? []
        : ['the ledger scanned the table or read the listing entries of its unit']),
    ];
    const months = new Map<string, { received: number; open: number }>();
    for (const item of cases) {
      const month = bureauDate(new Date(item.receivedAt)).slice(0, 7);
      const figures = months.get(month) ?? { received: 0, open: 0 };
      figures.received += 1;
      if (!isFinishedState(item.state)) figures.open += 1;
      months.set(month, figures);
    }
    return {
      n,
      seeded,
      stats: stats.read,
      byDepartment: byDepartment.read,
      ledger: ledger.read,
      scan: baseline.read,
      scanSegments,
      scanMs: baseline.scanMs,
      ...(unsplit ? { unsplit } : {}),
      recountMs: baseline.recountMs,
      scanReported: { itemsRead: baseline.scanned.itemsRead, capacityUnits: baseline.scanned.capacityUnits },
      itemsReadReported: { stats: stats.result.itemsRead, byDepartment: byDepartment.result.itemsRead },
      statsRows: rows.length,
      ledgerCounts: ledger.result.counts,
      ledgerFromCounters: fromCounters,
      months: new Map([...months.entries()].sort(([a], [b]) => a.localeCompare(b))),
      problems,
    };
  } finally {
    // Frees the JVM's memory before the next size.
    await admin.send(new DeleteTableCommand({ TableName: table }));
  }
};

const count = (value: number) => value.toLocaleString('en-US');
const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(2)}%` : 'n/a');

/** Prints a table: the first columns left-aligned up to `left`, the others right-aligned (as bench/surveys.ts). */
const printTable = <T>(columns: readonly (readonly [string, (row: T) => string])[], rows: readonly T[], left = 1) => {
  const cells = rows.map((row) => columns.map(([, cell]) => cell(row)));
  const widths = columns.map(([title], index) =>
    Math.max(title.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => (index < left ? value.padEnd(widths[index] ?? 0) : value.padStart(widths[index] ?? 0)))
      .join('  ');
  console.log(line(columns.map(([title]) => title)));
  for (const row of cells) console.log(line(row));
};

/** The goal: the year's statistics and the ledger read at most 1% of what the scan reads, in items and capacity units. */
const goal = 0.01;
const meetsGoal = (row: Round, read: Read) =>
  totalOf(read).items / totalOf(row.scan).items <= goal && totalOf(read).units / totalOf(row.scan).units <= goal;

const printResults = (rows: readonly Round[]) => {
  console.log('\nseeding (cases built with the domain, counters recounted from them, written with BatchWrite):');
  for (const row of rows) {
    const { seeded } = row;
    console.log(
      `  N=${count(row.n)}: ${count(seeded.caseItems)} case items (cases and listing entries) and ` +
        `${count(seeded.counterItems)} counter items (${count(Math.round(seeded.counterBytes / seeded.counterItems))} ` +
        `bytes on average, the largest ${count(seeded.largestCounterItem)}) in ${seconds(seeded.writeMs)} — ` +
        `${count(Math.round((seeded.caseItems + seeded.counterItems) / (seeded.writeMs / 1000)))} items/s; ` +
        `building and recounting them took ${seconds(seeded.buildMs)} more (${count(seeded.rebuilt)} cases received ` +
        `in 2025 built again)`,
    );
  }
  const last = rows.at(-1);
  if (last) {
    console.log(
      `  received per month (N=${count(last.n)}; open now in brackets): ` +
        [...last.months.entries()]
          .map(([month, figures]) => `${month.slice(5)} ${count(figures.received)} (${count(figures.open)})`)
          .join(', '),
    );
  }

  console.log(
    `\nthe year's statistics (${period.from} to ${period.to}, the bureau, as its supervisor) and today's ledger, ` +
      'against a recount by scanning (DynamoDB Local in memory, same run)',
  );
  type Line = { readonly n: number; readonly label: string; readonly read: Read; readonly scan: Read };
  printTable<Line>(
    [
      ['N', (line) => String(line.n)],
      ['read', (line) => line.label],
      ['calls', (line) => String(totalOf(line.read).calls)],
      ['items', (line) => String(totalOf(line.read).items)],
      ['counter items', (line) => String(ofKind(line.read, 'counters').items)],
      ['RCU', (line) => fixed(totalOf(line.read).units, 1)],
      ['ms', (line) => fixed(line.read.ms, 1)],
      ['items ÷ scan', (line) => fixed(totalOf(line.read).items / totalOf(line.scan).items, 5)],
      ['RCU ÷ scan', (line) => fixed(totalOf(line.read).units / totalOf(line.scan).units, 5)],
      ['time ÷ scan', (line) => fixed(line.read.ms / line.scan.ms, 5)],
    ],
    rows.flatMap((row) => [
      { n: row.n, label: 'stats, year', read: row.stats, scan: row.scan },
      { n: row.n, label: 'stats, year by department', read: row.byDepartment, scan: row.scan },
      { n: row.n, label: 'ledger (counters + index)', read: row.ledger, scan: row.scan },
      { n: row.n, label: 'scan + recount (baseline)', read: row.scan, scan: row.scan },
    ]),
    2,
  );
  for (const row of rows) {
    const kinds = (read: Read) =>
      readKinds
        .filter((kind) => read.reads.has(kind))
        .map((kind) => {
          const cost = ofKind(read, kind);
          return `${kind} ${count(cost.items)} items in ${count(cost.calls)} calls, ${fixed(cost.units, 1)} RCU`;
        })
        .join('; ');
    console.log(`  N=${count(row.n)}:`);
    console.log(`    stats, year: ${kinds(row.stats)} (itemsRead says ${count(row.itemsReadReported.stats)})`);
    console.log(
      `    stats by department (${row.statsRows} rows): ${kinds(row.byDepartment)} ` +
        `(itemsRead says ${count(row.itemsReadReported.byDepartment)})`,
    );
    console.log(`    ledger: ${kinds(row.ledger)}`);
    console.log(
      `    scan: ${kinds(row.scan)} (scanCasesAndCounters says ${count(row.scanReported.itemsRead)} items, ` +
        `${fixed(row.scanReported.capacityUnits, 1)} RCU); scan ${seconds(row.scanMs)} in ${row.scanSegments} ` +
        `segments, recount ${seconds(row.recountMs)}`,
    );
    if (row.unsplit) {
      console.log(
        `    the same scan in one segment: ${count(row.unsplit.cost.items)} items in ` +
          `${count(row.unsplit.cost.calls)} calls, ${fixed(row.unsplit.cost.units, 1)} RCU, ${seconds(row.unsplit.ms)} ` +
          `(${fixed(row.unsplit.ms / row.scanMs, 1)}× the split scan's time)`,
      );
    }
    const ledger = row.ledgerCounts;
    const counters = row.ledgerFromCounters;
    const same = (['red', 'yellow', 'blue', 'green'] as const).every((colour) => ledger[colour] === counters[colour]);
    console.log(
      `    the city's ledger counts red ${ledger.red}, yellow ${ledger.yellow}, blue ${ledger.blue}, green ` +
        `${ledger.green}; the counters recounted from the scanned cases (OPEN by colour, none as blue; F# since ${period.from}, closed and rejected) ` +
        `say red ${counters.red}, yellow ${counters.yellow}, blue ${counters.blue}, green ${counters.green}` +
        (same ? ' — the same' : ' — they DIFFER'),
    );
  }

  const [baseline, ...larger] = rows;
  if (baseline) {
    for (const row of larger) {
      const growth = (figure: (round: Round) => number) => fixed(figure(row) / figure(baseline), 2);
      console.log(
        `growth ${count(baseline.n)}→${count(row.n)} (N ×${fixed(row.n / baseline.n, 1)}): ` +
          `stats items ×${growth((round) => totalOf(round.stats).items)}, ` +
          `RCU ×${growth((round) => totalOf(round.stats).units)}, time ×${growth((round) => round.stats.ms)}; ` +
          `ledger items ×${growth((round) => totalOf(round.ledger).items)}, ` +
          `time ×${growth((round) => round.ledger.ms)}; ` +
          `scan items ×${growth((round) => totalOf(round.scan).items)}, ` +
          `RCU ×${growth((round) => totalOf(round.scan).units)}, time ×${growth((round) => round.scanMs)}`,
      );
    }
  }

  console.log(`\ngoal: the year's statistics and the ledger read ≤ ${percent(goal)} of the scan's items and RCU`);
  for (const row of rows) {
    for (const [label, read] of [
      ['statistics in total', row.stats],
      ['statistics by department', row.byDepartment],
      ["the city's ledger (50 cases per colour)", row.ledger],
    ] as const) {
      console.log(
        `  N=${count(row.n)}, ${label}: items ${percent(totalOf(read).items / totalOf(row.scan).items)}, ` +
          `RCU ${percent(totalOf(read).units / totalOf(row.scan).units)} of the scan's — ` +
          (meetsGoal(row, read) ? 'met' : 'NOT met'),
      );
    }
  }
};

export const runStatsBenchmark = async (options: { sizes: readonly number[] }): Promise<boolean> => {
  const started = performance.now();
  return withBenchDynamoDb('bench-stats-unset', async ({ endpoint, admin }) => {
    const services = await loadServices();
    console.log(
      `DynamoDB Local on ${endpoint}; cases received in ${year}, as at ${asAt.toISOString()}; ` +
        `sizes ${options.sizes.join(', ')}`,
    );
    process.stdout.write(`warm-up round, N=${count(warmUpSize)} (not reported) … `);
    const warm = await round(services, admin, warmUpSize);
    console.log(`done in ${seconds(warm.seeded.buildMs + warm.seeded.writeMs + warm.scanMs)}`);
    const rows: Round[] = [];
    for (const n of options.sizes) {
      process.stdout.write(`N=${count(n)}: seeding … `);
      const roundStarted = performance.now();
      const row = await round(services, admin, n);
      console.log(
        `built in ${seconds(row.seeded.buildMs)}, written in ${seconds(row.seeded.writeMs)}, ` +
          `scanned in ${seconds(row.scanMs)}; ${seconds(performance.now() - roundStarted)} in all`,
      );
      rows.push(row);
    }
    printResults(rows);
    const problems = rows.flatMap((row) => row.problems.map((problem) => `N=${row.n}: ${problem}`));
    for (const problem of problems) console.log(`UNEXPECTED: ${problem}`);
    console.log(`\nstats benchmark took ${seconds(performance.now() - started)} in all`);
    return problems.length === 0;
  });
};
