import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Temporary files — the cdk.out folders CDK's Template.fromStack leaves, the bundling test's bundles — go into a folder
// of this run's own inside the ignored .tmp/, which the global setup's teardown removes (test/support/global-setup.ts).
// A folder per run, so runs in parallel never delete each other's files.
const tmp = resolve(import.meta.dirname, '.tmp');
mkdirSync(tmp, { recursive: true });
const runTmp = mkdtempSync(join(tmp, 'vitest-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    env: {
      TMPDIR: runTmp,
      AWS_REGION: 'ap-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_LAMBDA_FUNCTION_NAME: 'greenline-test',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      TZ: 'UTC',
    },
  },
});
