/**
 * The import rules of `.dependency-cruiser.ts`, run through dependency-cruiser's own API on a small tree written at
 * test time into the ignored .tmp/ folder. The tree mirrors the repository's layout (shared/<capability>/domain,
 * store, services, api.ts; functions/; infra/; local/; test/) and has its own package.json with the same "imports"
 * aliases, so `#cases/…` resolves inside it exactly as it does in the repository.
 *
 * A clean layered slice must pass with no violation; each bad file breaks one rule, and the test asserts the exact
 * (rule, from, to) list, so every configured rule is proven to fire and none fires on good code.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../.dependency-cruiser.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  imports: Record<string, string>;
  scripts: Record<string, string>;
};

/** A layered slice that keeps every rule: the arrows domain ← store ← services ← api.ts / functions. */
const goodFiles: Record<string, string> = {
  'shared/platform/domain/errors.ts': 'export class NotFoundError extends Error {}\n',
  'shared/platform/config.ts': "export const tableName = 'greenline';\n",
  'shared/platform/http/handler.ts':
    "import { tableName } from '../config.ts';\nexport const wrap = () => tableName;\n",
  'shared/platform/catalog/catalog.ts':
    "import { casesFunctions } from '#cases/resources.ts';\nexport const functions = [...casesFunctions];\n",
  'shared/platform/http/routes.ts':
    "import { casesRoutes } from '#cases/api.ts';\nexport const routes = [casesRoutes];\n",
  'shared/directory/domain/roles.ts': "export type Role = 'clerk' | 'lead';\n",
  'shared/cases/domain/case.ts': [
    "import { z } from 'zod';",
    "import type { Role } from '#directory/domain/roles.ts';",
    "import { NotFoundError } from '#platform/domain/errors.ts';",
    'export const caseSchema = z.object({ id: z.string() });',
    'export type Case = z.infer<typeof caseSchema> & { owner?: Role };',
    'export const missing = () => new NotFoundError();',
    '',
  ].join('\n'),
  'shared/deadlines/domain/holiday-library.ts':
    "import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };\nexport const holidays = data;\n",
  'shared/cases/store/cases.ts': [
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    "import type { Case } from '../domain/case.ts';",
    'export const loadCase = (client: DynamoDBDocumentClient, id: string): Case => ({ id });',
    '',
  ].join('\n'),
  'shared/cases/services/read-case.ts':
    "import { caseSchema } from '#cases/domain/case.ts';\nimport { loadCase } from '#cases/store/cases.ts';\nexport const readCase = { caseSchema, loadCase };\n",
  'shared/cases/api.ts':
    "import { caseSchema } from '#cases/domain/case.ts';\nexport const casesRoutes = { path: '/cases/{id}', response: caseSchema };\n",
  'shared/cases/resources.ts': "export const casesFunctions = ['get-case'];\n",
  'functions/cases/get-case.ts': [
    "import { casesRoutes } from '#cases/api.ts';",
    "import { readCase } from '#cases/services/read-case.ts';",
    "import { wrap } from '#platform/http/handler.ts';",
    'export const handler = () => [casesRoutes, readCase, wrap()];',
    '',
  ].join('\n'),
  'infra/stack.ts': "import { functions } from '#platform/catalog/catalog.ts';\nexport const stack = functions;\n",
  'local/seed.ts': "import { loadCase } from '#cases/store/cases.ts';\nexport const seed = loadCase;\n",
  'bench/cases.ts': "import { loadCase } from '#cases/store/cases.ts';\nexport const bench = loadCase;\n",
  'test/cases/store.ts': "import { loadCase } from '#cases/store/cases.ts';\nexport const subject = loadCase;\n",
};

/** Files that each break one rule; `expected` lists every violation they must raise, and nothing else may. */
const badFiles: Record<string, string> = {
  'shared/cases/domain/bad-aws.ts':
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;\n",
  'shared/cases/domain/bad-packages.ts':
    "import { randomUUID } from 'node:crypto';\nimport { ulid } from 'ulid';\nexport const ids = [randomUUID, ulid];\n",
  'shared/cases/domain/bad-layers.ts':
    "import { tableName } from '#platform/config.ts';\nimport { loadCase } from '#cases/store/cases.ts';\nexport const x = [tableName, loadCase];\n",
  'shared/cases/services/bad-infra.ts': "import { stack } from '#infra/stack.ts';\nexport const s = stack;\n",
  'functions/cases/bad-local.ts': "import { seed } from '../../local/seed.ts';\nexport const handler = seed;\n",
  'functions/cases/bad-shortcut.ts': [
    "import { caseSchema } from '#cases/domain/case.ts';",
    "import { loadCase } from '#cases/store/cases.ts';",
    "import { intakeRoutes } from '#intake/api.ts';",
    'export const handler = () => [caseSchema, loadCase, intakeRoutes];',
    '',
  ].join('\n'),
  'shared/intake/api.ts': "export const intakeRoutes = { path: '/complaints' };\n",
  'shared/intake/services/bad-store.ts':
    "import { loadCase } from '#cases/store/cases.ts';\nexport const s = loadCase;\n",
  'shared/cases/store/bad-up.ts':
    "import { readCase } from '#cases/services/read-case.ts';\nexport const s = readCase;\n",
  'shared/cases/services/bad-api.ts': "import { casesRoutes } from '#cases/api.ts';\nexport const s = casesRoutes;\n",
  'shared/platform/http/bad-auth.ts':
    "import type { Role } from '#directory/domain/roles.ts';\nexport type R = Role;\n",
  'shared/platform/catalog/catalog.ts': [
    "import { casesFunctions } from '#cases/resources.ts';",
    "import { readCase } from '#cases/services/read-case.ts';",
    'export const functions = [...casesFunctions, readCase];',
    '',
  ].join('\n'),
  // Type-only both ways: the cycle exists only in `import type`, so finding it proves type imports are counted.
  'shared/deadlines/domain/period.ts':
    "import type { Calendar } from './calendar.ts';\nexport type Period = { in: Calendar };\n",
  'shared/deadlines/domain/calendar.ts':
    "import type { Period } from './period.ts';\nexport type Calendar = { of: Period[] };\n",
  'test/cases/bad-unresolvable.ts': "import { gone } from '#cases/domain/missing.ts';\nexport const g = gone;\n",
};

interface Found {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

const expected: Found[] = [
  { rule: 'domain-no-aws', from: 'shared/cases/domain/bad-aws.ts', to: '@aws-sdk/client-dynamodb' },
  { rule: 'domain-only-pure-packages', from: 'shared/cases/domain/bad-packages.ts', to: 'crypto' },
  { rule: 'domain-only-pure-packages', from: 'shared/cases/domain/bad-packages.ts', to: 'ulid' },
  { rule: 'domain-imports-only-domain', from: 'shared/cases/domain/bad-layers.ts', to: 'shared/platform/config.ts' },
  { rule: 'domain-imports-only-domain', from: 'shared/cases/domain/bad-layers.ts', to: 'shared/cases/store/cases.ts' },
  { rule: 'runtime-not-infra-or-local', from: 'shared/cases/services/bad-infra.ts', to: 'infra/stack.ts' },
  { rule: 'runtime-not-infra-or-local', from: 'functions/cases/bad-local.ts', to: 'local/seed.ts' },
  { rule: 'functions-through-services', from: 'functions/cases/bad-shortcut.ts', to: 'shared/cases/domain/case.ts' },
  { rule: 'functions-through-services', from: 'functions/cases/bad-shortcut.ts', to: 'shared/cases/store/cases.ts' },
  { rule: 'functions-through-services', from: 'functions/cases/bad-shortcut.ts', to: 'shared/intake/api.ts' },
  { rule: 'store-is-private', from: 'shared/intake/services/bad-store.ts', to: 'shared/cases/store/cases.ts' },
  { rule: 'store-below-services', from: 'shared/cases/store/bad-up.ts', to: 'shared/cases/services/read-case.ts' },
  { rule: 'services-below-api', from: 'shared/cases/services/bad-api.ts', to: 'shared/cases/api.ts' },
  {
    rule: 'platform-below-capabilities',
    from: 'shared/platform/http/bad-auth.ts',
    to: 'shared/directory/domain/roles.ts',
  },
  {
    rule: 'platform-compositions-take-declarations',
    from: 'shared/platform/catalog/catalog.ts',
    to: 'shared/cases/services/read-case.ts',
  },
  // A cycle is reported once, at the edge that closes it.
  { rule: 'no-circular', from: 'shared/deadlines/domain/calendar.ts', to: 'shared/deadlines/domain/period.ts' },
  { rule: 'no-unresolvable', from: 'test/cases/bad-unresolvable.ts', to: '#cases/domain/missing.ts' },
];

const fixtureRoot = join(repoRoot, '.tmp', 'dependency-rules', randomUUID());
const goodTree = join(fixtureRoot, 'good');
const mixedTree = join(fixtureRoot, 'mixed');
const folders = ['shared', 'functions', 'infra', 'local', 'bench', 'test'];

const writeTree = (root: string, files: Record<string, string>) => {
  mkdirSync(root, { recursive: true });
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'fixture', type: 'module', imports: manifest.imports }, null, 2),
  );
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
};

/** Cruises a tree with the project's rules and options, as `npm run deps` does, from the tree's own root. */
const cruiseTree = async (root: string, outputType: 'json' | 'err-long') => {
  const { forbidden, options } = config;
  return cruise(folders, { ...options, baseDir: root, validate: true, ruleSet: { forbidden }, outputType });
};

const resultOf = async (root: string): Promise<ICruiseResult> => {
  const { output } = await cruiseTree(root, 'json');
  return typeof output === 'string' ? (JSON.parse(output) as ICruiseResult) : output;
};

/** The violations as (rule, from, to), a package named by its name rather than its resolved file. */
const violationsOf = async (root: string): Promise<Found[]> => {
  const result = await resultOf(root);
  return result.summary.violations.map((violation: IViolation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.to.replace(/^(\.\.\/)*node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, '$2'),
  }));
};

const byRuleFromTo = (a: Found, b: Found) => `${a.rule} ${a.from} ${a.to}`.localeCompare(`${b.rule} ${b.from} ${b.to}`);

describe('import rules (.dependency-cruiser.ts)', () => {
  beforeAll(() => {
    writeTree(goodTree, goodFiles);
    writeTree(mixedTree, { ...goodFiles, ...badFiles });
  });

  afterAll(() => {
    rmSync(fixtureRoot, { recursive: true, force: true });
  });

  it('passes a layered slice: domain ← store ← services ← api.ts / functions, store seeded by local, bench and test', async () => {
    // Prepare: the good tree (beforeAll). Act:
    const result = await resultOf(goodTree);
    const { exitCode } = await cruiseTree(goodTree, 'err-long');

    // Assess: every file was read, and nothing was flagged.
    expect(result.summary.violations).toEqual([]);
    expect(exitCode).toBe(0);
    const sources = result.modules.map((module) => module.source);
    for (const path of Object.keys(goodFiles)) expect(sources).toContain(path);
  });

  it('flags each bad import with the rule it breaks, and nothing else', async () => {
    // Act
    const found = await violationsOf(mixedTree);

    // Assess
    expect(found.toSorted(byRuleFromTo)).toEqual(expected.toSorted(byRuleFromTo));
  });

  it('counts type-only imports: a cycle made only of `import type` is a cycle', async () => {
    // Act
    const result = await resultOf(mixedTree);

    // Assess: both edges were read as type-only, and the cycle through them was flagged.
    const cycle = result.summary.violations.find((violation) => violation.rule.name === 'no-circular');
    const cycleFiles = ['shared/deadlines/domain/period.ts', 'shared/deadlines/domain/calendar.ts'];
    expect(cycle?.cycle?.map((step) => step.name)).toEqual(cycleFiles);
    const edges = result.modules
      .filter((module) => cycleFiles.includes(module.source))
      .flatMap((module) => module.dependencies.map((dependency) => dependency.dependencyTypes));
    expect(edges).toHaveLength(2);
    for (const types of edges) expect(types).toContain('type-only');
  });

  it('prints each violation with its rule name and the reason from the rule comment, and fails', async () => {
    // Act
    const { output, exitCode } = await cruiseTree(mixedTree, 'err-long');

    // Assess: err-long wraps the comment over lines, so compare with whitespace collapsed.
    const text = String(output).replace(/\s+/g, ' ');
    expect(exitCode).toBeGreaterThan(0);
    for (const rule of config.forbidden ?? []) {
      expect(text).toContain(`error ${rule.name}:`);
      expect(text).toContain(String(rule.comment).replace(/\s+/g, ' '));
    }
    expect(text).toContain('error domain-no-aws: shared/cases/domain/bad-aws.ts → ');
  });
});

describe('the rules the real tree is held to', () => {
  it('are the ones in .dependency-cruiser.ts, each an error with a reason, and each proven to fire above', () => {
    const rules = config.forbidden ?? [];

    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.severity, rule.name).toBe('error');
      expect(rule.comment, rule.name).toMatch(/Why: /);
    }
    // A rule without a fixture that breaks it is a rule nobody has seen fire.
    expect(new Set(rules.map((rule) => rule.name))).toEqual(new Set(expected.map((violation) => violation.rule)));
    expect(config.allowed).toBeUndefined();
  });

  it('are what `npm run deps` (and so the npm test gate) checks, over every source folder', () => {
    const [command, ...args] = manifest.scripts.deps?.trim().split(/\s+/) ?? [];
    const firstOption = args.findIndex((arg) => arg.startsWith('-'));

    expect(command).toBe('depcruise');
    expect(args.slice(0, firstOption)).toEqual(folders);
    expect(args.slice(firstOption)).toEqual(['--config', '.dependency-cruiser.ts', '--output-type', 'err-long']);
  });
});
