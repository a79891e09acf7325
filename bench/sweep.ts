/**
 * The sweep benchmark: does the nightly check's cost follow the cases that change, not the cases stored?
 *
 * For each size N it stores N complaint cases as the app stores them (the case item from `toCaseItem` and its listing
 * entries from `entryWrites`) in a fresh table of an in-memory DynamoDB Local — 70% finished, 28% open and far from a
 * deadline, 2% turning yellow or red since last night — then runs `runNightlyCheck` on a week of nights (01:00, seven
 * days in a row, the population only ageing in between), each night twice (the second run must read nothing). The
 * writes of each first run are metered with DynamoDB's own figures (ReturnConsumedCapacity). The in-run baseline is a
 * full Scan of the same table for its case items: what a sweep without the deadline index would read.
 */
import {
  type ConsumedCapacity,
  CreateTableCommand,
  DeleteTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '#cases/domain/case.ts';
import type { NightlyReport } from '#deadlines/services/nightly-check.ts';
import { tables } from '#platform/catalog/tables.ts';
import { createTableInput } from '../local/provision.ts';
import { casePopulation, seedingTimeContext } from './case-population.ts';
import { itemSize } from './item-size.ts';
import { withBenchDynamoDb } from './local-dynamodb.ts';

export const defaultSizes: readonly number[] = [10_000, 100_000];

/**
 * 01:00 on a Wednesday in Beijing, when the nightly check runs. Everything due falls in 2026, which has calendar data;
 * some open cases' later deadlines reach into 2027 and are flagged for its missing calendar, as the app flags them.
 */
const sweepAt = new Date('2026-11-18T01:00:00+08:00');
/** The nights the check runs on: the sweep and the six after it, at the same hour. */
const nights = 7;
const day = 24 * 3_600_000;
/** A small round first, not reported: the JVM's first requests are slow, and would flatter the later sizes. */
const warmUpSize = 2_000;
/** BatchWrite requests in flight while seeding (25 items each); beyond 4 it barely helps on two cores (the JVM is busy). */
const writeConcurrency = 8;
const batchSize = 25;
/** Scan segment size and Scan requests in flight for the naive baseline (see `scanCases`). */
const itemsPerSegment = 1_000;
const scanConcurrency = 8;

/** One night: the check's first run, metered, and a second run at the same time. */
interface Night {
  readonly at: Date;
  readonly report: NightlyReport;
  readonly ms: number;
  /** Cases the first run wrote: one transaction each (a colour change, an escalation or a deadline filled in). */
  readonly casesWritten: number;
  /** Write capacity units DynamoDB reported for the first run's writes. */
  readonly writeUnits: number;
  /** Items those writes put, updated or deleted (each transaction item counts). */
  readonly itemsWritten: number;
  /** What the table part of those writes costs at DynamoDB's published rates (see `tableUnitsOf`). */
  readonly tableUnitsAtAwsRates: number;
  readonly second: NightlyReport;
  readonly secondMs: number;
}

interface Round {
  readonly n: number;
  readonly due: number;
  readonly items: number;
  readonly seedMs: number;
  readonly buildMs: number;
  readonly nights: readonly Night[];
  readonly scanCases: number;
  readonly scanRead: number;
  readonly scanMs: number;
  readonly scanSegments: number;
  readonly indexReadMs: number;
}

type Services = Awaited<ReturnType<typeof loadServices>>;

/** Imported only once the environment points at DynamoDB Local (configuration is read when modules load). */
const loadServices = async () => {
  const [{ runNightlyCheck }, { listOpenCasesDueBefore, toCaseItem }, { entryWrites }, { dynamo }] = await Promise.all([
    import('#deadlines/services/nightly-check.ts'),
    import('#cases/store/cases.ts'),
    import('#cases/store/case-index.ts'),
    import('#platform/dynamodb/client.ts'),
  ]);
  /** Exactly the items the app writes for a new case: the case and its listing entries. */
  const itemsOf = (item: Case): Record<string, unknown>[] => [
    toCaseItem(item),
    ...entryWrites(undefined, item).flatMap((write) => ('Put' in write ? [write.Put.Item] : [])),
  ];
  return { runNightlyCheck, listOpenCasesDueBefore, itemsOf, dynamo, meter: capacityMeter(dynamo()) };
};

const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

type Write = { Put?: { Item: Record<string, unknown> }; PutRequest?: { Item: Record<string, unknown> } };
/**
 * 1 KB write units of one item at DynamoDB's published rates, table only: a Put by the size of its item (an overwrite
 * costs the larger of the old and new item, which are about the same here); a Delete, Update or condition check as an
 * item of up to 1 KB, which the listing entries and notices these touch are.
 */
const tableUnitsOf = (write: Write) => {
  const item = write.Put?.Item ?? write.PutRequest?.Item;
  return item ? Math.ceil(itemSize(item) / 1024) : 1;
};

/**
 * Meters the app's writes with DynamoDB's own figures: while `on`, every write the document client sends asks for
 * ReturnConsumedCapacity TOTAL, and the capacity units of the answers (table and indexes) are summed, with the number
 * of items written and what the table part costs at DynamoDB's published rates (2 units per KB in a transaction).
 * A middleware on the client's stack, so the app's code is measured unchanged.
 */
const capacityMeter = (client: DynamoDBDocumentClient) => {
  const meter = { on: false, transactions: 0, units: 0, items: 0, tableUnitsAtAwsRates: 0 };
  type Input = {
    ReturnConsumedCapacity?: string;
    TransactItems?: Write[];
    RequestItems?: Record<string, Write[]>;
    Item?: Record<string, unknown>;
  };
  type Output = { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!meter.on || !writeCommands.has(context.commandName ?? '')) return next(args);
      const input = args.input as Input;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      for (const consumed of [(result.output as Output).ConsumedCapacity ?? []].flat()) {
        meter.units += consumed.CapacityUnits ?? 0;
      }
      const writes: Write[] =
        input.TransactItems ??
        (input.RequestItems
          ? Object.values(input.RequestItems).flat()
          : [input.Item ? { Put: { Item: input.Item } } : {}]);
      if (input.TransactItems) meter.transactions += 1;
      meter.items += writes.length;
      meter.tableUnitsAtAwsRates +=
        (input.TransactItems ? 2 : 1) * writes.reduce((sum, write) => sum + tableUnitsOf(write), 0);
      return result;
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
  return meter;
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

/** Builds the population lazily and writes it with a few BatchWrite requests in flight. */
const seed = async (services: Services, table: string, n: number) => {
  const population = casePopulation({ sweepAt, seed: n, time: seedingTimeContext() });
  let items = 0;
  let due = 0;
  let buildMs = 0;
  function* batches(): Generator<Record<string, unknown>[]> {
    let pending: Record<string, unknown>[] = [];
    for (let index = 0; index < n; index += 1) {
      const started = performance.now();
      const item = population.next(index);
      if (item.nextCheckAt && new Date(item.nextCheckAt).getTime() <= sweepAt.getTime()) due += 1;
      pending.push(...services.itemsOf(item));
      buildMs += performance.now() - started;
      while (pending.length >= batchSize) yield pending.splice(0, batchSize);
    }
    if (pending.length > 0) yield pending;
    pending = [];
  }
  const source = batches();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writeConcurrency }, async () => {
      for (let next = source.next(); !next.done; next = source.next()) {
        items += next.value.length;
        await writeBatch(services, table, next.value);
      }
    }),
  );
  return { items, due, buildMs, seedMs: performance.now() - started };
};

/**
 * What a sweep without the deadline index would read: every case item, found by scanning the whole table. A parallel
 * Scan of segments of about `itemsPerSegment` items: DynamoDB Local re-sorts the rest of a segment for every 1 MB page,
 * so one segment over the whole table costs time quadratic in its size (150,000 items: 79 s in one segment, 1.8 s in
 * 150), where DynamoDB proper is linear. Small segments keep this baseline linear, as it is in AWS.
 */
const scanCases = async (services: Services, table: string, items: number) => {
  const totalSegments = Math.max(1, Math.ceil(items / itemsPerSegment));
  let nextSegment = 0;
  let cases = 0;
  let read = 0;
  const started = performance.now();
  const scanSegment = async (segment: number) => {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await services.dynamo().send(
        new ScanCommand({
          TableName: table,
          Segment: segment,
          TotalSegments: totalSegments,
          FilterExpression: '#type = :case',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':case': 'case' },
          ExclusiveStartKey: startKey,
        }),
      );
      cases += page.Count ?? 0;
      read += page.ScannedCount ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  };
  await Promise.all(
    Array.from({ length: Math.min(scanConcurrency, totalSegments) }, async () => {
      while (nextSegment < totalSegments) {
        nextSegment += 1;
        await scanSegment(nextSegment - 1);
      }
    }),
  );
  return { scanCases: cases, scanRead: read, scanMs: performance.now() - started, scanSegments: totalSegments };
};

/** The nightly check at `at`, its writes metered, then once more at the same time (which must find nothing). */
const runNight = async (services: Services, at: Date): Promise<Night> => {
  const { meter } = services;
  Object.assign(meter, { on: true, transactions: 0, units: 0, items: 0, tableUnitsAtAwsRates: 0 });
  let started = performance.now();
  let report: NightlyReport;
  try {
    report = await services.runNightlyCheck(at);
  } finally {
    meter.on = false;
  }
  const ms = performance.now() - started;
  started = performance.now();
  const second = await services.runNightlyCheck(at);
  const secondMs = performance.now() - started;
  const { transactions: casesWritten, units: writeUnits, items: itemsWritten, tableUnitsAtAwsRates } = meter;
  return { at, report, ms, casesWritten, writeUnits, itemsWritten, tableUnitsAtAwsRates, second, secondMs };
};

const round = async (services: Services, admin: DynamoDBClient, n: number): Promise<Round> => {
  const table = `bench-sweep-${n}-${Date.now()}`;
  await admin.send(new CreateTableCommand(createTableInput(tables.main, table)));
  process.env[tables.main.envVar] = table;
  try {
    const seeded = await seed(services, table, n);
    const scan = await scanCases(services, table, seeded.items);
    // The sweep's read on its own (the deadline index query), to set against the scan: reads against reads.
    const started = performance.now();
    await services.listOpenCasesDueBefore(sweepAt);
    const indexReadMs = performance.now() - started;
    const week: Night[] = [];
    for (let night = 0; night < nights; night += 1) {
      week.push(await runNight(services, new Date(sweepAt.getTime() + night * day)));
    }
    return { n, ...seeded, ...scan, indexReadMs, nights: week };
  } finally {
    // Frees the JVM's memory before the next size.
    await admin.send(new DeleteTableCommand({ TableName: table }));
  }
};

const count = (value: number) => value.toLocaleString('en-US');
const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Cases the check wrote (a colour, an escalation, a deadline filled in): by design every case it reads changes. */
const changed = (night: Night) => night.casesWritten;
const readPerChange = (night: Night) => night.report.read / changed(night);
const msPerChange = (night: Night) => night.ms / changed(night);
const unitsPerChange = (night: Night) => night.writeUnits / changed(night);
const itemsPerChange = (night: Night) => night.itemsWritten / changed(night);
const awsUnitsPerChange = (night: Night) => night.tableUnitsAtAwsRates / changed(night);
const firstNight = (row: Round): Night => row.nights[0] as Night;
/** The whole week as one night: sums of its nights' figures. */
const weekOf = (row: Round): Night => {
  const sum = (figure: (night: Night) => number) => row.nights.reduce((total, night) => total + figure(night), 0);
  const first = firstNight(row);
  const report = Object.fromEntries(
    Object.entries(first.report).map(([name, value]) => [
      name,
      typeof value === 'number' ? sum((night) => night.report[name as keyof NightlyReport] as number) : value,
    ]),
  ) as unknown as NightlyReport;
  return {
    at: first.at,
    report,
    ms: sum((night) => night.ms),
    casesWritten: sum((night) => night.casesWritten),
    writeUnits: sum((night) => night.writeUnits),
    itemsWritten: sum((night) => night.itemsWritten),
    tableUnitsAtAwsRates: sum((night) => night.tableUnitsAtAwsRates),
    second: { ...first.second, read: sum((night) => night.second.read) },
    secondMs: sum((night) => night.secondMs),
  };
};

/** Prints a table: the first column left-aligned, the others right-aligned. */
const printTable = <T>(columns: readonly (readonly [string, (row: T) => string])[], rows: readonly T[]) => {
  const cells = rows.map((row) => columns.map(([, cell]) => cell(row)));
  const widths = columns.map(([title], index) =>
    Math.max(title.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => (index === 0 ? value.padEnd(widths[0] ?? 0) : value.padStart(widths[index] ?? 0)))
      .join('  ');
  console.log(line(columns.map(([title]) => title)));
  for (const row of cells) console.log(line(row));
};

/** The night's date in Beijing. */
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const printResults = (rows: readonly Round[]) => {
  console.log('\nseeding (cases built with the domain, written with BatchWrite):');
  for (const row of rows) {
    console.log(
      `  N=${count(row.n)}: ${count(row.items)} items (cases and listing entries) in ${seconds(row.seedMs)} ` +
        `— ${count(Math.round(row.items / (row.seedMs / 1000)))} items/s; building them took ${seconds(row.buildMs)} of it`,
    );
  }

  console.log('\nsweep benchmark, first night (DynamoDB Local in memory, same run)');
  printTable<Round>(
    [
      ['N', (row) => String(row.n)],
      ['due', (row) => String(row.due)],
      ['read', (row) => String(firstNight(row).report.read)],
      ['changed', (row) => String(changed(firstNight(row)))],
      ['read/changed', (row) => fixed(readPerChange(firstNight(row)), 2)],
      ['ms/changed', (row) => fixed(msPerChange(firstNight(row)), 2)],
      ['WCU/changed', (row) => fixed(unitsPerChange(firstNight(row)), 2)],
      ['2nd run read', (row) => String(firstNight(row).second.read)],
      ['naive-scan items', (row) => String(row.scanCases)],
      ['read ÷ scan items', (row) => fixed(firstNight(row).report.read / row.scanCases, 3)],
      ['sweep time ÷ scan time', (row) => fixed(firstNight(row).ms / row.scanMs, 3)],
      ['index read ÷ scan time', (row) => fixed(row.indexReadMs / row.scanMs, 3)],
    ],
    rows,
  );

  const [baseline, ...larger] = rows;
  if (!baseline) return;
  for (const row of larger) {
    const [base, night] = [firstNight(baseline), firstNight(row)];
    console.log(
      `growth ${count(baseline.n)}→${count(row.n)} (N ×${fixed(row.n / baseline.n, 1)}): ` +
        `read/changed ×${fixed(readPerChange(night) / readPerChange(base), 2)}, ` +
        `ms/changed ×${fixed(msPerChange(night) / msPerChange(base), 2)}, ` +
        `WCU/changed ×${fixed(unitsPerChange(night) / unitsPerChange(base), 2)}, ` +
        `naive scan time ×${fixed(row.scanMs / baseline.scanMs, 2)} (baseline: the ${count(baseline.n)} run)`,
    );
  }
  for (const row of rows) {
    const night = firstNight(row);
    console.log(
      `  N=${count(row.n)}: sweep ${fixed(night.ms, 0)} ms (${night.report.notices} notices, ${night.report.skipped} skipped; ` +
        `its index read alone ${fixed(row.indexReadMs, 0)} ms), ` +
        `second run ${fixed(night.secondMs, 0)} ms; scan (${row.scanSegments} segments) ${fixed(row.scanMs, 0)} ms ` +
        `read ${count(row.scanRead)} items ` +
        `to find ${count(row.scanCases)} cases`,
    );
  }

  for (const row of rows) {
    console.log(
      `\na week of nights, N=${count(row.n)} (01:00 Beijing time; no actions in between, the cases only age)`,
    );
    printTable<Night & { label: string }>(
      [
        ['night', (night) => night.label],
        ['read', (night) => String(night.report.read)],
        ['changed', (night) => String(changed(night))],
        ['colour', (night) => String(night.report.colourChanges)],
        ['notices', (night) => String(night.report.notices)],
        ['read/changed', (night) => fixed(readPerChange(night), 2)],
        ['WCU/changed', (night) => fixed(unitsPerChange(night), 2)],
        ['items/changed', (night) => fixed(itemsPerChange(night), 2)],
        ['table WCU/changed at AWS rates', (night) => fixed(awsUnitsPerChange(night), 2)],
        ['ms/changed', (night) => fixed(msPerChange(night), 2)],
        ['2nd run read', (night) => String(night.second.read)],
      ],
      [
        ...row.nights.map((night, index) => ({ ...night, label: `${index + 1} ${beijingDate(night.at)}` })),
        { ...weekOf(row), label: 'week' },
      ],
    );
  }
};

/** Rows that contradict the design (the sweep read what was not due, or a second run read anything). */
const problemsOf = (row: Round): string[] => {
  const first = firstNight(row).report;
  return [
    ...(first.read !== row.due ? [`N=${row.n}: read ${first.read}, but ${row.due} cases were due`] : []),
    ...(first.colourChanges !== row.due ? [`N=${row.n}: ${first.colourChanges} colour changes, ${row.due} due`] : []),
    ...row.nights.flatMap((night, index) => [
      ...(night.second.read !== 0 ? [`N=${row.n}, night ${index + 1}: the second run read ${night.second.read}`] : []),
      ...(night.report.skipped !== 0 ? [`N=${row.n}, night ${index + 1}: ${night.report.skipped} skipped`] : []),
    ]),
    ...(row.scanCases !== row.n ? [`N=${row.n}: the scan found ${row.scanCases} cases`] : []),
  ];
};

export const runSweepBenchmark = async (options: { sizes: readonly number[] }): Promise<boolean> => {
  const started = performance.now();
  return withBenchDynamoDb('bench-sweep-unset', async ({ endpoint, admin }) => {
    const services = await loadServices();
    console.log(
      `DynamoDB Local on ${endpoint}; sweeps at ${sweepAt.toISOString()} and the ${nights - 1} nights after; ` +
        `sizes ${options.sizes.join(', ')}`,
    );
    process.stdout.write(`warm-up round, N=${count(warmUpSize)} (not reported) … `);
    const warm = await round(services, admin, warmUpSize);
    console.log(`done in ${seconds(warm.seedMs + warm.scanMs + weekOf(warm).ms)}`);
    const rows: Round[] = [];
    for (const n of options.sizes) {
      process.stdout.write(`N=${count(n)}: seeding … `);
      const row = await round(services, admin, n);
      console.log(`seeded in ${seconds(row.seedMs)}, swept ${nights} nights in ${fixed(weekOf(row).ms, 0)} ms`);
      rows.push(row);
    }
    printResults(rows);
    const problems = rows.flatMap(problemsOf);
    for (const problem of problems) console.log(`UNEXPECTED: ${problem}`);
    console.log(`\nsweep benchmark took ${seconds(performance.now() - started)} in all`);
    return problems.length === 0;
  });
};
