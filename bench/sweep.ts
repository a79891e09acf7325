/**
 * The sweep benchmark: does the nightly check's cost follow the cases that change colour, not the cases stored?
 *
 * For each size N it stores N complaint cases as the app stores them (the case item from `toCaseItem` and its listing
 * entries from `entryWrites`) in a fresh table of an in-memory DynamoDB Local — 70% finished, 28% open and far from a
 * deadline, 2% turning yellow or red since last night — then runs `runNightlyCheck` once at the sweep time, and once
 * more at the same time (which must read nothing). The in-run baseline is a full Scan of the same table for its case
 * items: what a sweep without the deadline index would read.
 */
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '#cases/domain/case.ts';
import type { NightlyReport } from '#deadlines/services/nightly-check.ts';
import { tables } from '#platform/catalog/tables.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { freePort } from '../local/free-port.ts';
import { createTableInput } from '../local/provision.ts';
import { casePopulation, seedingTimeContext } from './case-population.ts';

export const defaultSizes: readonly number[] = [10_000, 100_000];

/**
 * 01:00 on a Wednesday in Beijing, when the nightly check runs. Everything due falls in 2026, which has calendar data;
 * some open cases' later deadlines reach into 2027 and are flagged for its missing calendar, as the app flags them.
 */
const sweepAt = new Date('2026-11-18T01:00:00+08:00');
/** A small round first, not reported: the JVM's first requests are slow, and would flatter the later sizes. */
const warmUpSize = 2_000;
/** BatchWrite requests in flight while seeding (25 items each); beyond 4 it barely helps on two cores (the JVM is busy). */
const writeConcurrency = 8;
const batchSize = 25;
/** Scan segment size and Scan requests in flight for the naive baseline (see `scanCases`). */
const itemsPerSegment = 1_000;
const scanConcurrency = 8;

interface Round {
  readonly n: number;
  readonly due: number;
  readonly items: number;
  readonly seedMs: number;
  readonly buildMs: number;
  readonly first: NightlyReport;
  readonly firstMs: number;
  readonly second: NightlyReport;
  readonly secondMs: number;
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
  return { runNightlyCheck, listOpenCasesDueBefore, itemsOf, dynamo };
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

const round = async (services: Services, admin: DynamoDBClient, n: number): Promise<Round> => {
  const table = `bench-sweep-${n}-${Date.now()}`;
  await admin.send(new CreateTableCommand(createTableInput(tables.main, table)));
  process.env[tables.main.envVar] = table;
  try {
    const seeded = await seed(services, table, n);
    const scan = await scanCases(services, table, seeded.items);
    // The sweep's read on its own (the deadline index query), to set against the scan: reads against reads.
    let started = performance.now();
    await services.listOpenCasesDueBefore(sweepAt);
    const indexReadMs = performance.now() - started;
    started = performance.now();
    const first = await services.runNightlyCheck(sweepAt);
    const firstMs = performance.now() - started;
    started = performance.now();
    const second = await services.runNightlyCheck(sweepAt);
    const secondMs = performance.now() - started;
    return { n, ...seeded, ...scan, indexReadMs, first, firstMs, second, secondMs };
  } finally {
    // Frees the JVM's memory before the next size.
    await admin.send(new DeleteTableCommand({ TableName: table }));
  }
};

const count = (value: number) => value.toLocaleString('en-US');
const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const readPerChange = (row: Round) => row.first.read / row.first.colourChanges;
const msPerChange = (row: Round) => row.firstMs / row.first.colourChanges;

const printResults = (rows: readonly Round[]) => {
  console.log('\nseeding (cases built with the domain, written with BatchWrite):');
  for (const row of rows) {
    console.log(
      `  N=${count(row.n)}: ${count(row.items)} items (cases and listing entries) in ${seconds(row.seedMs)} ` +
        `— ${count(Math.round(row.items / (row.seedMs / 1000)))} items/s; building them took ${seconds(row.buildMs)} of it`,
    );
  }

  const columns = [
    ['N', (row: Round) => String(row.n)],
    ['due', (row: Round) => String(row.due)],
    ['read', (row: Round) => String(row.first.read)],
    ['changed', (row: Round) => String(row.first.colourChanges)],
    ['read/changed', (row: Round) => fixed(readPerChange(row), 2)],
    ['ms/changed', (row: Round) => fixed(msPerChange(row), 2)],
    ['2nd run read', (row: Round) => String(row.second.read)],
    ['naive-scan items', (row: Round) => String(row.scanCases)],
    ['read ÷ scan items', (row: Round) => fixed(row.first.read / row.scanCases, 3)],
    ['sweep time ÷ scan time', (row: Round) => fixed(row.firstMs / row.scanMs, 3)],
    ['index read ÷ scan time', (row: Round) => fixed(row.indexReadMs / row.scanMs, 3)],
  ] as const;
  const cells = rows.map((row) => columns.map(([, cell]) => cell(row)));
  const widths = columns.map(([title], index) =>
    Math.max(title.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => (index === 0 ? value.padEnd(widths[0] ?? 0) : value.padStart(widths[index] ?? 0)))
      .join('  ');
  console.log('\nsweep benchmark (DynamoDB Local in memory, same run)');
  console.log(line(columns.map(([title]) => title)));
  for (const row of cells) console.log(line(row));

  const [baseline, ...larger] = rows;
  if (!baseline) return;
  for (const row of larger) {
    console.log(
      `growth ${count(baseline.n)}→${count(row.n)} (N ×${fixed(row.n / baseline.n, 1)}): ` +
        `read/changed ×${fixed(readPerChange(row) / readPerChange(baseline), 2)}, ` +
        `ms/changed ×${fixed(msPerChange(row) / msPerChange(baseline), 2)}, ` +
        `naive scan time ×${fixed(row.scanMs / baseline.scanMs, 2)} (baseline: the ${count(baseline.n)} run)`,
    );
  }
  for (const row of rows) {
    console.log(
      `  N=${count(row.n)}: sweep ${fixed(row.firstMs, 0)} ms (${row.first.notices} notices, ${row.first.skipped} skipped; ` +
        `its index read alone ${fixed(row.indexReadMs, 0)} ms), ` +
        `second run ${fixed(row.secondMs, 0)} ms; scan (${row.scanSegments} segments) ${fixed(row.scanMs, 0)} ms ` +
        `read ${count(row.scanRead)} items ` +
        `to find ${count(row.scanCases)} cases`,
    );
  }
};

/** Rows that contradict the design (the sweep read what was not due, or a second run read anything). */
const problemsOf = (row: Round): string[] => [
  ...(row.first.read !== row.due ? [`N=${row.n}: read ${row.first.read}, but ${row.due} cases were due`] : []),
  ...(row.first.colourChanges !== row.due
    ? [`N=${row.n}: ${row.first.colourChanges} colour changes, ${row.due} due`]
    : []),
  ...(row.second.read !== 0 ? [`N=${row.n}: the second run read ${row.second.read}`] : []),
  ...(row.scanCases !== row.n ? [`N=${row.n}: the scan found ${row.scanCases} cases`] : []),
];

export const runSweepBenchmark = async (options: { sizes: readonly number[] }): Promise<boolean> => {
  const started = performance.now();
  const port = await freePort();
  const db = await startDynamoDbLocal({ port });
  Object.assign(process.env, {
    [tables.main.envVar]: 'bench-sweep-unset',
    AWS_REGION: 'ap-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  const admin = new DynamoDBClient({});
  try {
    const services = await loadServices();
    console.log(
      `DynamoDB Local on ${db.endpoint}; sweep at ${sweepAt.toISOString()}; sizes ${options.sizes.join(', ')}`,
    );
    process.stdout.write(`warm-up round, N=${count(warmUpSize)} (not reported) … `);
    const warm = await round(services, admin, warmUpSize);
    console.log(`done in ${seconds(warm.seedMs + warm.scanMs + warm.firstMs)}`);
    const rows: Round[] = [];
    for (const n of options.sizes) {
      process.stdout.write(`N=${count(n)}: seeding … `);
      const row = await round(services, admin, n);
      console.log(`seeded in ${seconds(row.seedMs)}, swept in ${fixed(row.firstMs, 0)} ms`);
      rows.push(row);
    }
    printResults(rows);
    const problems = rows.flatMap(problemsOf);
    for (const problem of problems) console.log(`UNEXPECTED: ${problem}`);
    console.log(`\nsweep benchmark took ${seconds(performance.now() - started)} in all`);
    return problems.length === 0;
  } finally {
    admin.destroy();
    await db.stop();
  }
};
