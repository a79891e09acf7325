/**
 * `npm run bench [-- <name> …] [--sizes 10000,100000]`: runs the benchmarks (all of them when none is named) and prints
 * their figures as ratios against a baseline measured in the same run. Not part of `npm test`: the machines are
 * shared and noisy, so speed is measured here, never asserted in a timed test.
 */
import { cpus, platform } from 'node:os';
import { parseArgs } from 'node:util';

const benchmarks = {
  intake: async () => {
    const { runIntakeBenchmark } = await import('./intake.ts');
    return runIntakeBenchmark();
  },
  sweep: async (sizes: readonly number[] | undefined) => {
    const { defaultSizes, runSweepBenchmark } = await import('./sweep.ts');
    return runSweepBenchmark({ sizes: sizes ?? defaultSizes });
  },
  surveys: async (sizes: readonly number[] | undefined) => {
    const { defaultSizes, runSurveysBenchmark } = await import('./surveys.ts');
    return runSurveysBenchmark({ sizes: sizes ?? defaultSizes });
  },
  stats: async (sizes: readonly number[] | undefined) => {
    const { defaultSizes, runStatsBenchmark } = await import('./stats.ts');
    return runStatsBenchmark({ sizes: sizes ?? defaultSizes });
  },
  cold: async () => {
    const { runColdBenchmark } = await import('./cold.ts');
    return runColdBenchmark();
  },
  web: async () => {
    const { runWebBenchmark } = await import('./web.ts');
    return runWebBenchmark();
  },
} as const satisfies Record<string, (sizes: readonly number[] | undefined) => Promise<boolean>>;

type BenchmarkName = keyof typeof benchmarks;
const isBenchmark = (name: string): name is BenchmarkName => Object.hasOwn(benchmarks, name);

const usage = `usage: npm run bench [-- <${Object.keys(benchmarks).join('|')}> …] [--sizes 10000,100000]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { sizes: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const unknown = positionals.filter((name) => !isBenchmark(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}\n${usage}`);
  process.exit(2);
}
const sizes = values.sizes?.split(',').map((size) => Number(size.trim().replace(/_/g, '')));
if (sizes && (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 50))) {
  console.error(`--sizes takes whole numbers of at least 50, comma-separated (got ${values.sizes})\n${usage}`);
  process.exit(2);
}

// A Ctrl-C still runs the `exit` handlers, which kill DynamoDB Local's JVM.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const cpu = cpus();
console.log(
  `Greenline benchmarks — Node ${process.version}, ${platform()} ${process.arch}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}` +
    ` — ${new Date().toISOString()}`,
);
const selected =
  positionals.length > 0 ? positionals.filter(isBenchmark) : (Object.keys(benchmarks) as BenchmarkName[]);
let ok = true;
for (const name of selected) {
  console.log(`\n== ${name} ==`);
  ok = (await benchmarks[name](sizes)) && ok;
}
// SDK sockets may linger; the figures are printed, so end here.
process.exit(ok ? 0 : 1);
