import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { freePort } from '../../local/free-port.ts';
import { buildWebConsole } from '../../local/web-console.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

const tmpRoot = resolve(import.meta.dirname, '..', '..', '.tmp');
const hourMs = 60 * 60 * 1000;
/**
 * Untouched for this long, a folder belongs to no running vitest: a run's own folder after a day (a watch-mode run may
 * idle for hours), a cdk.out folder directly in .tmp/ (where runs before per-run folders left them) after an hour.
 */
const staleAfterMs = (name: string): number => (name.startsWith('vitest-') ? 24 * hourMs : hourMs);

/**
 * Removes this run's temporary folder (`TMPDIR`, made per run in vitest.config.ts: cdk.out folders, bundles), and any
 * stale one a killed run left. Only folders directly inside .tmp/ named `vitest-…` or `cdk.out…` are touched.
 */
const removeTemporaryFiles = (runTmp: string | undefined): void => {
  if (runTmp && dirname(resolve(runTmp)) === tmpRoot && basename(runTmp).startsWith('vitest-')) {
    rmSync(runTmp, { recursive: true, force: true });
  }
  const now = Date.now();
  for (const name of readdirSync(tmpRoot)) {
    if (!name.startsWith('vitest-') && !name.startsWith('cdk.out')) continue;
    const path = join(tmpRoot, name);
    try {
      if (now - statSync(path).mtimeMs > staleAfterMs(name)) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another run's teardown.
    }
  }
};

/**
 * One in-memory DynamoDB Local for the whole run; each test file provisions its own tables in it. The web console is
 * built once here, so the runtimes that test files start find it built.
 */
export default async function setup(project: TestProject) {
  const [dynamodb] = await Promise.all([startDynamoDbLocal({ port: await freePort() }), buildWebConsole()]);
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  return async () => {
    await dynamodb.stop();
    removeTemporaryFiles(project.config.env.TMPDIR);
  };
}
