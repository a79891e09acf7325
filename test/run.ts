/**
 * `npm test`: every gate in order — type check, lint and format, import rules (dependency-cruiser), then vitest (unit,
 * integration against the local stand-ins, CDK assertions and cdk-nag) — and a closing line
 * `N passed, N failed, N skipped` that CI reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const run = (command: string, args: string[]) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

interface Gate {
  readonly name: string;
  readonly command: string;
  readonly args: string[];
}

/**
 * The import-rules gate runs exactly `npm run deps` (its arguments are read from package.json, so the two cannot
 * drift), on this Node: the rules file is TypeScript, loaded by Node's type stripping.
 */
const depsArgs = (): string[] => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = (manifest.scripts.deps ?? '').trim().split(/\s+/);
  if (command !== 'depcruise') throw new Error('package.json scripts.deps must start with `depcruise`');
  return [join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs'), ...args];
};

const gates: Gate[] = [
  { name: 'typecheck (tsc --noEmit)', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'typecheck the web console', command: bin('tsc'), args: ['--noEmit', '-p', 'web/tsconfig.json'] },
  { name: 'lint and format (biome ci)', command: bin('biome'), args: ['ci', '.'] },
  { name: 'import rules (dependency-cruiser)', command: process.execPath, args: depsArgs() },
];

let passed = 0;
let failed = 0;
let skipped = 0;

for (const gate of gates) {
  console.log(`\n▶ ${gate.name}`);
  const status = run(gate.command, gate.args);
  if (status === 0) passed += 1;
  else {
    failed += 1;
    console.error(`✗ ${gate.name} failed`);
  }
}

mkdirSync(join(root, '.tmp'), { recursive: true });
const report = join(root, '.tmp', 'vitest-report.json');
console.log('\n▶ vitest');
const vitestStatus = run(process.execPath, [
  join(root, 'node_modules', 'vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

try {
  const results = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  passed += results.numPassedTests;
  failed += results.numFailedTests + results.numFailedTestSuites;
  skipped += results.numPendingTests + results.numTodoTests;
} catch {
  failed += 1;
  console.error('✗ vitest wrote no report');
}
if (vitestStatus !== 0 && failed === 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
