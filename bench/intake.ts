/**
 * The intake benchmark: does `POST /v1/complaints` hold up when many arrive at once — no errors, no number given twice,
 * no key registered twice — and how close does it come to the cost of its one unavoidable write?
 *
 * It runs the one-machine runtime in this process (DynamoDB Local with its data on disk, as `npm start` keeps it,
 * fauxqs, the SES stand-in, the local API server with its JWT authorizer and the real functions, on free ports) and
 * sends hotline complaints over HTTP as the operator, each with an Idempotency-Key, at concurrency 1, 8 and 32. The
 * in-run baseline: the very transactions the API wrote (captured from the document client), written again with raw
 * `TransactWriteItems` into a fresh table of the same DynamoDB Local at the same concurrency — what registering would
 * cost if it were nothing but its transaction. After each level, a tenth of the requests are retried at once with
 * their keys: each retry must get its first case back.
 *
 * Reads and writes per case are DynamoDB's own figures: every call of the app's document client is sent with
 * `ReturnConsumedCapacity: TOTAL` and the capacity units it reports are summed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { localDeadLetterQueueName, localQueueName, localTableName } from '#platform/catalog/definitions.ts';
import { tables } from '#platform/catalog/tables.ts';
import { createJwtAuthorizer } from '../local/authorizer.ts';
import { demoUsers } from '../local/demo-organisation.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { freePort } from '../local/free-port.ts';
import { loadFunctionHandler } from '../local/functions.ts';
import { createTableInput } from '../local/provision.ts';
import { createLocalServer } from '../local/server.ts';
import { startStandIns } from '../local/stand-ins.ts';
import { issueToken } from '../local/tokens.ts';

/** Concurrency levels, and the requests sent at each (enough for a p95 of some weight, small enough for ~1 minute). */
export const defaultLevels: readonly { concurrency: number; requests: number }[] = [
  { concurrency: 1, requests: 120 },
  { concurrency: 8, requests: 480 },
  { concurrency: 32, requests: 960 },
];
/**
 * Not reported: the functions' cold start and the JVM's warm-up. DynamoDB Local's JIT keeps getting faster for the first
 * ~1,000 requests (measured: the API's DynamoDB CPU per case fell from 28 to 15 ms over three rounds of 300), and a
 * short warm-up flatters whichever side runs second.
 */
const warmUp = { concurrency: 8, requests: 600 };
/**
 * Each level alternates API and raw in this many slices (each raw slice writes the transactions of the API slice before
 * it), so that both sides see the same JVM, table size and neighbours' load.
 */
const slices = 4;
/** The share of a level's requests retried with their keys afterwards, all at once. */
const retryShare = 0.1;
/** The API's goal against the raw transactions, at concurrency 8 and above. */
const throughputGoal = 0.5;

const root = join(import.meta.dirname, '..');
const rawTable = 'greenline-bench-raw-main';

/** Complaints spread over towns and categories, as a county's are: duplicate lookups read what they would. */
const towns = [
  '城东街道',
  '城西街道',
  '城南街道',
  '城北街道',
  '东坝镇',
  '西山镇',
  '南湖乡',
  '北岭镇',
  '新港镇',
  '柳河镇',
];
const categories = ['noise', 'air', 'water', 'solid-waste', 'soil', 'radiation', 'other'];
const complaintNo = (index: number) => ({
  channel: 'hotline',
  complainant: { name: '李女士', phone: `138${String(10_000_000 + index).slice(-8)}` },
  place: { address: `建设路 ${(index % 300) + 1} 号`, town: towns[index % towns.length] },
  category: categories[Math.floor(index / towns.length) % categories.length],
  description: `夜间持续作业，噪声很大，影响居民休息（压测第 ${index} 件）。`,
});

interface Call {
  readonly command: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly capacity: number;
  /** Items a query read. */
  readonly count?: number;
  readonly ok: boolean;
  readonly items?: readonly Record<string, unknown>[];
}

interface Sample {
  readonly ms: number;
  readonly ok: boolean;
  readonly id?: string;
  readonly number?: string;
  /** Which complaint of the run it was (its Idempotency-Key is `bench-<index>`). */
  readonly index?: number;
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
};

/** Runs `count` tasks with at most `concurrency` at once; the wall time in ms. */
const runConcurrently = async (count: number, concurrency: number, task: (index: number) => Promise<void>) => {
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (let index = next++; index < count; index = next++) await task(index);
    }),
  );
  return performance.now() - startedAt;
};

/** The longest chain of calls each starting after the previous ended: round trips waited for one after another. */
const sequentialCalls = (calls: readonly Call[]): number => {
  const chain = new Map<Call, number>();
  for (const call of [...calls].sort((a, b) => a.endedAt - b.endedAt)) {
    const before = [...chain.entries()].filter(([other]) => other.endedAt <= call.startedAt).map(([, n]) => n);
    chain.set(call, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...chain.values());
};

const isIntakeTransaction = (call: Call) =>
  call.ok &&
  call.command === 'TransactWriteItemsCommand' &&
  (call.items ?? []).some((item) => {
    const put = item.Put as { Item?: { sk?: unknown } } | undefined;
    return put?.Item?.sk === 'CASE';
  });

/** CPU time (ms) the DynamoDB Local JVM listening on `port` has used so far; undefined where /proc is not there. */
const jvmCpuMs = async (port: number): Promise<number | undefined> => {
  try {
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      if (!command.includes('DynamoDBLocal') || !command.includes(`-port\u0000${port}\u0000`)) continue;
      const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
      // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
      return (Number(stat[11]) + Number(stat[12])) * 10;
    }
  } catch {
    return undefined;
  }
  return undefined;
};

/** CPU time (ms) this process has used so far. */
const nodeCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** What one side (API or raw) did in a level: wall time, latencies, failures, CPU, capacity. */
interface Side {
  wallMs: number;
  latencies: number[];
  errors: number;
  jvmCpuMs: number;
  nodeCpuMs: number;
  capacity: number;
  count: number;
}
const emptySide = (): Side => ({
  wallMs: 0,
  latencies: [],
  errors: 0,
  jvmCpuMs: 0,
  nodeCpuMs: 0,
  capacity: 0,
  count: 0,
});

export const runIntakeBenchmark = async (
  levels: readonly { concurrency: number; requests: number }[] = defaultLevels,
): Promise<boolean> => {
  const inMemory = process.env.BENCH_DYNAMODB === 'memory';
  await mkdir(join(root, '.tmp'), { recursive: true });
  const dataDir = await mkdtemp(join(root, '.tmp', 'bench-intake-'));
  await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
  const dynamodb = await startDynamoDbLocal({
    port: await freePort(),
    ...(inMemory ? {} : { path: join(dataDir, 'dynamodb') }),
  });
  const dbPort = Number(new URL(dynamodb.endpoint).port);
  const standIns = await startStandIns({
    dynamodbEndpoint: dynamodb.endpoint,
    sqsPort: 0,
    sesPort: 0,
    naming: { table: localTableName, queue: localQueueName, deadLetterQueue: localDeadLetterQueueName },
    extraEnv: { PUBLIC_BASE_URL: 'http://127.0.0.1' },
  });
  // The functions read their configuration when they load: the environment is complete before the first one does.
  Object.assign(process.env, standIns.env, { POWERTOOLS_LOG_LEVEL: 'ERROR' });
  const { seedDemo } = await import('../local/seed.ts');
  await seedDemo();
  const admin = new DynamoDBClient({});
  await admin.send(new CreateTableCommand(createTableInput(tables.main, rawTable)));
  const raw = DynamoDBDocumentClient.from(admin, { marshallOptions: { removeUndefinedValues: true } });

  // Every call of the app's document client: its timing, DynamoDB's capacity figure, and the intake transactions.
  const { dynamo } = await import('#platform/dynamodb/client.ts');
  let calls: Call[] = [];
  dynamo().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const startedAt = performance.now();
      const record = (output: unknown, ok: boolean) => {
        const { ConsumedCapacity: consumed, ScannedCount: count } = (output ?? {}) as {
          ConsumedCapacity?: unknown;
          ScannedCount?: number;
        };
        calls.push({
          command: String(context.commandName),
          startedAt,
          endedAt: performance.now(),
          capacity: sum(
            [consumed ?? []].flat().map((entry) => Number((entry as { CapacityUnits?: number }).CapacityUnits ?? 0)),
          ),
          ok,
          ...(count === undefined ? {} : { count }),
          ...(Array.isArray(input.TransactItems) ? { items: input.TransactItems as Record<string, unknown>[] } : {}),
        });
      };
      try {
        const output = await next(args);
        record(output.output, true);
        return output;
      } catch (error) {
        record(undefined, false);
        throw error;
      }
    },
    { step: 'initialize', name: 'benchCapacity' },
  );

  const key = randomBytes(32);
  const server = createLocalServer({ loadHandler: loadFunctionHandler, authorizer: createJwtAuthorizer({ key }) });
  const port = await server.listen(await freePort());
  const operator = demoUsers.find((user) => user.username === 'operator');
  if (!operator) throw new Error('the demo organisation has no operator');
  const { token } = await issueToken(operator, key);

  // node:http with a keep-alive agent: the client's own cost (fetch costs several times more CPU a request) is not the
  // API's, and it runs on the same cores.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const send = (body: string, idempotencyKey: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/complaints',
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': idempotencyKey,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  const post = async (index: number): Promise<Sample> => {
    const startedAt = performance.now();
    try {
      const response = await send(JSON.stringify(complaintNo(index)), `bench-${index}`);
      const body = JSON.parse(response.text) as { id?: string; number?: string; detail?: string };
      const ms = performance.now() - startedAt;
      if (response.status !== 201) {
        console.log(`  ${response.status} for request ${index}: ${body.detail ?? ''}`);
        return { ms, ok: false };
      }
      return { ms, ok: true, ...(body.id ? { id: body.id } : {}), ...(body.number ? { number: body.number } : {}) };
    } catch (error) {
      console.log(`  request ${index} failed: ${(error as Error).message}`);
      return { ms: performance.now() - startedAt, ok: false };
    }
  };

  let sent = 0;
  /** Requests `count` new complaints over HTTP, `concurrency` at a time; adds to `side`; the slice's calls. */
  const apiSlice = async (count: number, concurrency: number, side: Side, samples: Sample[], windows: number[][]) => {
    const first = sent;
    sent += count;
    calls = [];
    const jvmBefore = await jvmCpuMs(dbPort);
    const nodeBefore = nodeCpuMs();
    side.wallMs += await runConcurrently(count, concurrency, async (index) => {
      const startedAt = performance.now();
      const sample = await post(first + index);
      samples.push({ ...sample, index: first + index });
      windows.push([startedAt, performance.now()]);
      side.latencies.push(sample.ms);
      if (!sample.ok) side.errors += 1;
    });
    side.jvmCpuMs += ((await jvmCpuMs(dbPort)) ?? Number.NaN) - (jvmBefore ?? Number.NaN);
    side.nodeCpuMs += nodeCpuMs() - nodeBefore;
    side.count += count;
    const sliceCalls = calls;
    calls = [];
    side.capacity += sum(sliceCalls.map((call) => call.capacity));
    return sliceCalls;
  };

  /** Writes the same transactions, raw, into the raw table, `concurrency` at a time; adds to `side`. */
  const rawSlice = async (transactions: readonly Call[], concurrency: number, side: Side) => {
    const jvmBefore = await jvmCpuMs(dbPort);
    const nodeBefore = nodeCpuMs();
    side.wallMs += await runConcurrently(transactions.length, concurrency, async (index) => {
      const items = (transactions[index]?.items ?? []).map((item) =>
        Object.fromEntries(
          Object.entries(item).map(([kind, write]) => [kind, { ...(write as object), TableName: rawTable }]),
        ),
      );
      const startedAt = performance.now();
      try {
        const output = await raw.send(
          new TransactWriteCommand({ TransactItems: items as never[], ReturnConsumedCapacity: 'TOTAL' }),
        );
        side.capacity += sum((output.ConsumedCapacity ?? []).map((entry) => entry.CapacityUnits ?? 0));
      } catch (error) {
        side.errors += 1;
        console.log(`  raw transaction ${index} failed: ${(error as Error).name}`);
      }
      side.latencies.push(performance.now() - startedAt);
    });
    side.jvmCpuMs += ((await jvmCpuMs(dbPort)) ?? Number.NaN) - (jvmBefore ?? Number.NaN);
    side.nodeCpuMs += nodeCpuMs() - nodeBefore;
    side.count += transactions.length;
  };

  console.log(
    `intake benchmark — the one-machine runtime in this process, DynamoDB Local ${inMemory ? 'in memory' : 'with its data on disk'};` +
      ` warm-up ${warmUp.requests} requests (not reported), then API and raw alternating in ${slices} slices a level`,
  );
  {
    const warm = emptySide();
    const warmCalls = await apiSlice(warmUp.requests, warmUp.concurrency, warm, [], []);
    await rawSlice(warmCalls.filter(isIntakeTransaction), warmUp.concurrency, emptySide());
    if (warm.errors > 0) console.log(`  warm-up: ${warm.errors} errors`);
  }

  const header = [
    'concurrency'.padEnd(11),
    'requests'.padStart(8),
    'errors'.padStart(6),
    'dupl.'.padStart(5),
    'API/s'.padStart(7),
    'raw/s'.padStart(7),
    'API÷raw'.padStart(7),
    'API p50'.padStart(8),
    'API p95'.padStart(8),
    'raw p50'.padStart(8),
    'raw p95'.padStart(8),
    'calls'.padStart(5),
    'RCU/case'.padStart(8),
    'WCU/case'.padStart(8),
    'raw WCU'.padStart(7),
  ].join('  ');
  const rows: string[] = [];
  const notes: string[] = [];
  let ok = true;

  for (const { concurrency, requests } of levels) {
    const api = emptySide();
    const rawSide = emptySide();
    const samples: Sample[] = [];
    const windows: number[][] = [];
    const levelCalls: Call[] = [];
    let reads = 0;
    for (let slice = 0; slice < slices; slice += 1) {
      const count = Math.round(((slice + 1) * requests) / slices) - Math.round((slice * requests) / slices);
      const sliceCalls = await apiSlice(count, concurrency, api, samples, windows);
      levelCalls.push(...sliceCalls);
      reads += sum(sliceCalls.filter((call) => /^(Get|Query|Scan|BatchGet)/.test(call.command)).map((c) => c.capacity));
      await rawSlice(sliceCalls.filter(isIntakeTransaction), concurrency, rawSide);
    }
    const writes = api.capacity - reads;

    // A tenth of the requests again, all at once, with their keys: each must get its first case back.
    const retried = samples.slice(0, Math.ceil(requests * retryShare));
    const retries = await Promise.all(retried.map((sample) => post(sample.index ?? -1)));
    calls = [];
    const retriedWrong = retries.filter((sample, index) => !sample.ok || sample.id !== retried[index]?.id).length;

    const numbers = samples.flatMap((sample) => (sample.number ? [sample.number] : []));
    const duplicates = numbers.length - new Set(numbers).size + retriedWrong;
    const apiRate = (api.count / api.wallMs) * 1000;
    const rawRate = (rawSide.count / rawSide.wallMs) * 1000;
    const ratio = apiRate / rawRate;
    rows.push(
      [
        String(concurrency).padEnd(11),
        String(requests).padStart(8),
        String(api.errors + rawSide.errors).padStart(6),
        String(duplicates).padStart(5),
        fixed(apiRate).padStart(7),
        fixed(rawRate).padStart(7),
        fixed(ratio, 2).padStart(7),
        fixed(percentile(api.latencies, 50)).padStart(8),
        fixed(percentile(api.latencies, 95)).padStart(8),
        fixed(percentile(rawSide.latencies, 50)).padStart(8),
        fixed(percentile(rawSide.latencies, 95)).padStart(8),
        fixed(levelCalls.length / requests, 1).padStart(5),
        fixed(reads / requests, 2).padStart(8),
        fixed(writes / requests, 2).padStart(8),
        fixed(rawSide.capacity / Math.max(1, rawSide.count), 1).padStart(7),
      ].join('  '),
    );
    const queries = levelCalls.filter((call) => call.command === 'QueryCommand');
    const otherTransactions = levelCalls.filter(
      (call) => call.command === 'TransactWriteItemsCommand' && !isIntakeTransaction(call),
    ).length;
    notes.push(
      `  c=${concurrency}: ${rawSide.count} intake transactions for ${requests} requests, ${otherTransactions} other` +
        ` (gap records); ${retries.length} retries at once with their keys, ${retriedWrong} answered with another case or refused;` +
        ` duplicate lookups read ${fixed(sum(queries.map((call) => call.count ?? 0)) / Math.max(1, queries.length))} items each;` +
        ` CPU ms per case — DynamoDB Local: API ${fixed(api.jvmCpuMs / api.count)}, raw ${fixed(rawSide.jvmCpuMs / Math.max(1, rawSide.count))};` +
        ` this process: API ${fixed(api.nodeCpuMs / api.count)}, raw ${fixed(rawSide.nodeCpuMs / Math.max(1, rawSide.count))}`,
    );
    if (concurrency === 1) {
      const byCommand = new Map<string, number[]>();
      for (const call of levelCalls) {
        byCommand.set(call.command, [...(byCommand.get(call.command) ?? []), call.endedAt - call.startedAt]);
      }
      const chains = windows.map(([from = 0, to = 0]) =>
        sequentialCalls(levelCalls.filter((call) => call.startedAt >= from && call.endedAt <= to)),
      );
      notes.push(
        `  c=1: DynamoDB calls a request waits for one after another: median ${percentile(chains, 50)}, max ${Math.max(...chains)}` +
          ` (and the SQS send between the transaction and the outbox delete); p50 ms per call: ` +
          [...byCommand.entries()]
            .map(([command, ms]) => `${command.replace(/Command$/, '')} ${fixed(percentile(ms, 50))} (${ms.length})`)
            .join(', '),
      );
    }
    if (api.errors + rawSide.errors > 0 || duplicates > 0) ok = false;
    if (concurrency >= 8 && !(ratio >= throughputGoal)) ok = false;
  }

  // Every number given out belongs to one case or one recorded gap; none is stored twice.
  const stored: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await raw.send(new ScanCommand({ TableName: localTableName('main'), ExclusiveStartKey: startKey }));
    stored.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const cases = stored.filter((item) => item.type === 'case');
  const gaps = stored.filter((item) => String(item.sk).startsWith('GAP#'));
  const given = sum(
    stored
      .filter((item) => String(item.pk).startsWith('COUNTER#') && item.sk === 'COUNTER')
      .map((counter) => Number(counter.sequence)),
  );
  const storedNumbers = cases.map((item) => String(item.number));
  const storedTwice = storedNumbers.length - new Set(storedNumbers).size;
  const accounted = cases.length + gaps.length === given;
  if (storedTwice > 0 || !accounted) ok = false;

  console.log(header);
  for (const row of rows) console.log(row);
  for (const note of notes) console.log(note);
  console.log(
    `  table: ${cases.length} cases, ${gaps.length} recorded gaps, ${given} numbers given out` +
      ` (${accounted ? 'every number accounted for' : 'NUMBERS UNACCOUNTED FOR'}), ${storedTwice} numbers stored twice`,
  );
  console.log(
    '  API/s, raw/s: requests or transactions a second; p50/p95: ms; calls: DynamoDB calls per request;' +
      ' RCU/WCU per case: capacity units DynamoDB reported for the API’s calls; raw WCU: for the raw transaction',
  );
  console.log(`  goal: 0 errors and 0 duplicates at every level, API÷raw ≥ ${throughputGoal} at concurrency 8 and 32`);

  agent.destroy();
  await server.close();
  raw.destroy();
  await standIns.stop();
  await dynamodb.stop();
  await rm(dataDir, { recursive: true, force: true });
  return ok;
};
