/**
 * The cold benchmark: what does each function carry into a cold start, against the least a function can carry?
 *
 * Builds every function's bundle with the options CDK uses (infra/bundling.ts, one esbuild call) together with the
 * baseline, `cold-baseline.ts` (the DynamoDB document client, one read, nothing else). For each bundle: its bytes, and
 * its import time — the median, over several fresh `node` processes, of `await import(bundle)` timed inside the
 * process (Node's own start-up left out), with the environment a deployed function has. The processes take turns
 * bundle by bundle, round after round, so a busy moment of the machine falls on all bundles alike. Every figure is also
 * given as a ratio to the baseline's.
 *
 * The goal: every API bundle at most {@link goal}× the baseline's bytes and import time.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { type BuiltBundles, buildBundles, bundleOutput, bundleRuntimeEnvironment, repoRoot } from '#infra/bundling.ts';
import { buckets } from '#platform/catalog/buckets.ts';
import { functions, queues } from '#platform/catalog/catalog.ts';
import { commonEnv, functionEntry } from '#platform/catalog/definitions.ts';
import { tables } from '#platform/catalog/tables.ts';
import { routes } from '#platform/http/routes.ts';

/** An API bundle may be this many times the baseline's bytes and import time. */
export const goal = 1.5;
/** Timed imports of each bundle; the median is reported. */
const runs = 9;
/** Rounds before the timed ones (file cache, CPU frequency), not reported. */
const warmUpRounds = 1;
const baselineName = 'baseline';

interface Row {
  readonly name: string;
  readonly kind: 'baseline' | 'api' | 'worker';
  readonly bytes: number;
  readonly importMs: number;
}

/** Stand-ins for what `GreenlineFunction.connect` sets, read at cold start, and the runtime environment of a bundle. */
const environmentOf = (name: string): NodeJS.ProcessEnv => ({
  ...process.env,
  AWS_REGION: 'ap-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_LAMBDA_FUNCTION_NAME: `greenline-bench-${name}`,
  ...Object.fromEntries(Object.values(tables).map((table) => [table.envVar, `greenline-bench-${table.key}`])),
  ...Object.fromEntries(Object.values(queues).map((queue) => [queue.envVar, `https://example.test/${queue.key}`])),
  ...Object.fromEntries(Object.values(buckets).map((bucket) => [bucket.envVar, `greenline-bench-${bucket.key}`])),
  [commonEnv.serviceName]: 'greenline',
  [commonEnv.mailFrom]: 'noreply@greenline.example.cn',
  [commonEnv.sesConfigurationSet]: 'greenline-bench',
  [commonEnv.publicBaseUrl]: 'https://greenline.example.cn',
  ...bundleRuntimeEnvironment,
});

const importScript =
  'const started = performance.now(); const m = await import(process.argv[1]); const ms = performance.now() - started;' +
  " if (typeof m.handler !== 'function') process.exit(3); process.stdout.write(String(ms));";

const run = promisify(execFile);

/** Milliseconds one fresh `node` process takes to import the bundle. */
const timeImport = async (name: string, file: string): Promise<number> => {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', importScript, file], {
    env: environmentOf(name),
    timeout: 60_000,
  });
  return Number(stdout);
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** What a bundle's bytes come from: a package, or a project folder (`shared/cases/domain`, `shared/cases/api.ts`). */
const sourceOf = (input: string): string => {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (inPackage?.[1]) return inPackage[1];
  return input.split('/').slice(0, 3).join('/');
};

/** Bytes of a bundle by source. */
const bytesBySource = (bundles: BuiltBundles, name: string): Map<string, number> => {
  const bySource = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(
    bundleOutput(bundles.metafile, bundles.files[name] ?? '').inputs,
  )) {
    bySource.set(sourceOf(input), (bySource.get(sourceOf(input)) ?? 0) + bytesInOutput);
  }
  return bySource;
};

const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;
const ratio = (value: number, base: number) => (value / base).toFixed(2);

/** Prints a table: the first column left-aligned, the others right-aligned. */
const printTable = (header: readonly string[], rows: readonly (readonly string[])[]) => {
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]?.length ?? 0)));
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => (index === 0 ? value.padEnd(widths[0] ?? 0) : value.padStart(widths[index] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
};

export const runColdBenchmark = async (): Promise<boolean> => {
  const started = performance.now();
  const apiFunctions = new Set<string>(routes.map((route) => route.function));
  const entries = [
    { name: baselineName, entry: relative(repoRoot, join(import.meta.dirname, 'cold-baseline.ts')) },
    ...Object.values(functions).map((definition) => ({ name: definition.name, entry: functionEntry(definition) })),
  ];
  const outdir = await mkdtemp(join(tmpdir(), 'greenline-cold-'));
  try {
    const buildStarted = performance.now();
    const bundles = await buildBundles(entries, outdir);
    console.log(
      `${entries.length} bundles (${entries.length - 1} functions and the baseline) in one esbuild call with the ` +
        `options of infra/bundling.ts: ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`,
    );

    const times = new Map<string, number[]>(entries.map(({ name }) => [name, []]));
    for (let round = 0; round < warmUpRounds + runs; round += 1) {
      for (const { name } of entries) {
        const ms = await timeImport(name, bundles.files[name] ?? '');
        if (round >= warmUpRounds) times.get(name)?.push(ms);
      }
    }

    const rows: Row[] = entries.map(({ name }) => ({
      name,
      kind: name === baselineName ? 'baseline' : apiFunctions.has(name) ? 'api' : 'worker',
      bytes: bundleOutput(bundles.metafile, bundles.files[name] ?? '').bytes,
      importMs: median(times.get(name) ?? []),
    }));
    const baseline = rows[0] as Row;
    const meetsGoal = (row: Row) => row.bytes <= goal * baseline.bytes && row.importMs <= goal * baseline.importMs;

    console.log(
      `\ncold benchmark — import time: median of ${runs} fresh \`node\` processes a bundle (after ${warmUpRounds} ` +
        `warm-up round), NODE_OPTIONS=${bundleRuntimeEnvironment.NODE_OPTIONS}, same run`,
    );
    printTable(
      ['function', 'kind', 'bytes', 'bytes ÷ baseline', 'import ms', 'import ÷ baseline', `≤ ${goal}×`],
      rows.map((row) => [
        row.name,
        row.kind,
        row.bytes.toLocaleString('en'),
        ratio(row.bytes, baseline.bytes),
        row.importMs.toFixed(1),
        ratio(row.importMs, baseline.importMs),
        row.kind === 'api' ? (meetsGoal(row) ? 'yes' : 'NO') : '',
      ]),
    );

    const api = rows.filter((row) => row.kind === 'api');
    const over = api.filter((row) => !meetsGoal(row));
    console.log(
      `\ngoal: every API bundle ≤ ${goal}× the baseline's bytes (${kilobytes(goal * baseline.bytes)}) and import time ` +
        `(${(goal * baseline.importMs).toFixed(1)} ms): ${api.length - over.length} of ${api.length} meet it`,
    );
    const baselineSources = bytesBySource(bundles, baselineName);
    for (const row of over) {
      const heavier = [...bytesBySource(bundles, row.name)]
        .map(([source, bytes]) => [source, bytes - (baselineSources.get(source) ?? 0)] as const)
        .filter(([, extra]) => extra >= 2_000)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([source, extra]) => `${source} ${kilobytes(extra)}`);
      console.log(`  ${row.name}: more than the baseline: ${heavier.join(', ')}`);
    }
    console.log(`\ncold benchmark took ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
    return over.length === 0;
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
};
