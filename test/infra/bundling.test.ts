import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, expect, it } from 'vitest';
import { GreenlineStack } from '#infra/stack.ts';
import { functions } from '#platform/catalog/catalog.ts';

type LambdaFunction = {
  Properties: { FunctionName: string; Code: { S3Key: string }; Environment: { Variables: Record<string, unknown> } };
};

let outdir: string;
let lambdas: LambdaFunction[];

// The one synth with real bundling (local esbuild), so bundling errors — a missing entry, an unresolved `#alias`,
// a CommonJS dependency that breaks in ESM — fail here rather than in `cdk deploy`.
beforeAll(() => {
  const app = new App();
  const stack = new GreenlineStack(app, 'Greenline', { stage: 'test', mailFrom: 'noreply@greenline.example.cn' });
  lambdas = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function')) as LambdaFunction[];
  outdir = app.outdir;
}, 60_000);

const assetDir = (fn: LambdaFunction) => join(outdir, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`);

it('bundles every function as an ESM bundle with the createRequire banner and a source map', () => {
  expect(lambdas).toHaveLength(Object.keys(functions).length);
  for (const fn of lambdas) {
    const bundle = readFileSync(join(assetDir(fn), 'index.mjs'), 'utf8');

    expect(bundle.startsWith("import { createRequire } from 'node:module'"), fn.Properties.FunctionName).toBe(true);
    expect(existsSync(join(assetDir(fn), 'index.mjs.map')), fn.Properties.FunctionName).toBe(true);
  }
});

it('every bundle loads on Node 24 with its deployed environment and exports a handler', () => {
  for (const fn of lambdas) {
    // Values that are CloudFormation references at synth time get a stand-in of the right shape.
    const env = Object.fromEntries(
      Object.entries(fn.Properties.Environment.Variables).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : name.endsWith('_URL') ? 'https://example.test/queue' : `stand-in-${name}`,
      ]),
    );
    const load = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import(process.argv[1]); if (typeof m.handler !== 'function') process.exit(3);",
        join(assetDir(fn), 'index.mjs'),
      ],
      { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 },
    );

    expect(load.status, `${fn.Properties.FunctionName}: ${load.stderr}`).toBe(0);
  }
});
