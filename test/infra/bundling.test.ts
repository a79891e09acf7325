import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, expect, it } from 'vitest';
import { type BuiltBundles, buildBundles, bundleFileName, bundleOutput } from '#infra/bundling.ts';
import { GreenlineFunction } from '#infra/constructs/platform/greenline-function.ts';
import { GreenlineStack } from '#infra/stack.ts';
import { type FunctionName, functions } from '#platform/catalog/catalog.ts';
import { functionEntry } from '#platform/catalog/definitions.ts';
import { flatTemplate } from './template.ts';

type LambdaFunction = {
  Properties: { FunctionName?: string; Code: { S3Key: string }; Environment: { Variables: Record<string, unknown> } };
};

const stage = 'test';
const names = Object.keys(functions) as FunctionName[];

/**
 * `\uXXXX` escapes of CJK text: kana and ideographs (U+3040–U+9FFF) and full-width forms (U+FF00–U+FFEF). Not the
 * CJK symbols block (U+3000–U+303F): a source may write the invisible ideographic space U+3000 as an escape on purpose
 * (a regex in shared/intake/domain/duplicates.ts does), and esbuild keeps a regex literal as written.
 */
const cjkEscape = /\\u(?:30[4-9a-f][0-9a-f]|3[1-9a-f][0-9a-f]{2}|[4-9][0-9a-f]{3}|ff[0-9a-e][0-9a-f])/gi;
/** A few characters of Chinese text, as the bundles should carry it. */
const cjkText = /[\u3000-\u9fff\uff00-\uffef]/;

let bundles: BuiltBundles;
let environments: Record<string, Record<string, unknown>>;

// Every function's bundle in one esbuild call with the options the construct uses (infra/bundling.ts), so bundling
// errors — a missing entry, an unresolved `#alias`, a CommonJS dependency that breaks in ESM — fail here rather than in
// `cdk deploy`. The deployed environments come from a synth without bundling. Up to 180 s: it took over 60 s while
// other work shared the machine's two cores.
beforeAll(async () => {
  bundles = await buildBundles(
    names.map((name) => ({ name, entry: functionEntry(functions[name]) })),
    mkdtempSync(join(tmpdir(), 'bundles-')),
  );
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new GreenlineStack(app, 'Greenline', { stage, mailFrom: 'noreply@greenline.example.cn' });
  // Greenline's functions: the console's BucketDeployment handler is CDK's, unnamed and not bundled by esbuild.
  const lambdas = (
    Object.values(flatTemplate(stack).findResources('AWS::Lambda::Function')) as LambdaFunction[]
  ).filter((fn) => fn.Properties.FunctionName?.startsWith(`greenline-${stage}-`));
  environments = Object.fromEntries(
    lambdas.map((fn) => [
      fn.Properties.FunctionName?.replace(`greenline-${stage}-`, ''),
      fn.Properties.Environment.Variables,
    ]),
  );
}, 180_000);

const bundleOf = (name: string) => readFileSync(bundles.files[name] ?? '', 'utf8');
const inputsOf = (name: string) => Object.keys(bundleOutput(bundles.metafile, bundles.files[name] ?? '').inputs);

it('bundles every function as an ESM bundle with the createRequire banner and a source map', () => {
  expect(Object.keys(environments).sort()).toEqual([...names].sort());
  for (const name of names) {
    const bundle = bundleOf(name);

    expect(bundle.startsWith("import { createRequire } from 'node:module'"), name).toBe(true);
    expect(existsSync(`${bundles.files[name]}.map`), name).toBe(true);
  }
});

it('every bundle loads on Node 24 with its deployed environment and exports a handler', async () => {
  const run = promisify(execFile);
  const load = async (name: string) => {
    // Values that are CloudFormation references at synth time get a stand-in of the right shape.
    const env = Object.fromEntries(
      Object.entries(environments[name] ?? {}).map(([key, value]) => [
        key,
        typeof value === 'string' ? value : key.endsWith('_URL') ? 'https://example.test/queue' : `stand-in-${key}`,
      ]),
    );
    const script = "const m = await import(process.argv[1]); if (typeof m.handler !== 'function') process.exit(3);";
    return run(process.execPath, ['--input-type=module', '-e', script, bundles.files[name] ?? ''], {
      env: { ...process.env, ...env },
      timeout: 20_000,
    }).then(
      () => ({ name, error: '' }),
      (error: Error & { stderr?: string }) => ({ name, error: `${error.message}\n${error.stderr ?? ''}` }),
    );
  };
  const results: { name: string; error: string }[] = [];
  const queue = [...names];
  await Promise.all(
    Array.from({ length: availableParallelism() }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) results.push(await load(name));
    }),
  );

  expect(results.filter((result) => result.error !== '')).toEqual([]);
  expect(results).toHaveLength(names.length);
  // ~70 bundles loaded two at a time: 15 s on a quiet machine, past 30 s on a busy one.
}, 120_000);

it('carries Chinese text as UTF-8, not as \\uXXXX escapes', () => {
  for (const name of names) {
    const bundle = bundleOf(name);

    expect(bundle.match(cjkEscape) ?? [], name).toEqual([]);
  }
  expect(bundleOf('health')).toMatch(cjkText);
});

it("holds zod's zh-CN messages and no other locale but zod's built-in English", () => {
  for (const name of names) {
    const locales = inputsOf(name)
      .filter((input) => input.includes('node_modules/zod/v4/locales/'))
      .map((input) => input.replace(/^.*\/locales\//, ''))
      .sort();

    if (locales.length > 0) expect(locales, name).toEqual(['en.js', 'zh-CN.js']);
  }
  expect(inputsOf('get-case')).toContain('node_modules/zod/v4/locales/zh-CN.js');
});

it('keeps intake out of the outbox relay', () => {
  const inputs = inputsOf('relay-outbox');

  expect(inputs).toContain('shared/cases/services/relay-events.ts');
  // shared/intake/resources.ts may be there: the catalog (read by config.ts for variable names) composes it; it is data.
  expect(inputs.filter((input) => input.startsWith('shared/intake/') && !input.endsWith('/resources.ts'))).toEqual([]);
});

it('leaves the route table and the OpenAPI builder to get-openapi', () => {
  const documentation = ['shared/platform/http/routes.ts', 'shared/platform/http/openapi.ts'];
  for (const name of names.filter((name) => name !== 'get-openapi')) {
    expect(
      inputsOf(name).filter((input) => documentation.includes(input)),
      name,
    ).toEqual([]);
  }
  expect(inputsOf('get-openapi')).toEqual(expect.arrayContaining(documentation));
});

// The one check of CDK's own bundling (the esbuild CLI that NodejsFunction runs): it must give the bytes the shared
// options give, so what the tests and `npm run bench -- cold` measure is what is deployed. The shared-options build is
// redone right after CDK's, so both read the same sources.
it("CDK's NodejsFunction bundling gives the same bundle as the shared esbuild options", async () => {
  const name = 'get-case';
  const app = new App();
  const stack = new Stack(app, 'Bundling');
  new GreenlineFunction(stack, 'Fn', { definition: functions[name], stage, logRetention: RetentionDays.ONE_WEEK });
  const [fn] = Object.values(flatTemplate(stack).findResources('AWS::Lambda::Function')) as LambdaFunction[];
  const assetDir = join(app.outdir, `asset.${fn?.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
  const cdkBundle = readFileSync(join(assetDir, bundleFileName), 'utf8');
  const shared = await buildBundles(
    [{ name, entry: functionEntry(functions[name]) }],
    mkdtempSync(join(tmpdir(), 'bundles-')),
  );

  expect(readdirSync(assetDir).sort()).toEqual([bundleFileName, `${bundleFileName}.map`]);
  expect(cdkBundle.match(cjkEscape) ?? []).toEqual([]);
  expect(cdkBundle === readFileSync(shared.files[name] ?? '', 'utf8'), 'CDK bundle differs from the shared build').toBe(
    true,
  );
}, 60_000);
