/**
 * `npm test`: every gate in order — type check, lint and format, then vitest (unit, integration against the local
 * stand-ins, CDK assertions and cdk-nag) — and a closing line `N passed, N failed, N skipped` that CI reads.
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

const gates: Gate[] = [
  { name: 'typecheck (tsc --noEmit)', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint and format (biome ci)', command: bin('biome'), args: ['ci', '.'] },
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
