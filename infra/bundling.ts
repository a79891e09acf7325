/**
 * How every Greenline function is bundled, written once: the esbuild options as esbuild's API takes them
 * ({@link esbuildOptions}), the same options as `NodejsFunction` props ({@link nodejsFunctionBundling}, used by
 * `GreenlineFunction`), and a build of many entries in one esbuild call with those options ({@link buildBundles}, used
 * by the bundling test and `npm run bench -- cold`). test/infra/bundling.test.ts checks that CDK's own bundling gives
 * the same bytes as {@link buildBundles}, so the construct, the tests and the benchmark cannot drift apart.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BundlingOptions, LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build, type Metafile } from 'esbuild';

/** The repository root: CDK's project root, and the working directory esbuild resolves entries and paths from. */
export const repoRoot = resolve(import.meta.dirname, '..');

/** The file name of a bundle, as `NodejsFunction` names it for ESM. */
export const bundleFileName = 'index.mjs';

/**
 * The esbuild options of a function bundle: Node 24 ESM, minified, with a source map (without the sources), the AWS
 * SDK bundled in, and text in UTF-8.
 */
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  // Chinese text as UTF-8, not `\uXXXX` escapes (six bytes a character instead of three): Lambda reads files as UTF-8.
  charset: 'utf8',
  // Without `module` first, esbuild picks the SDK's CommonJS build, which fails in an ESM bundle at import time.
  mainFields: ['module', 'main'],
  // Bundle the AWS SDK too: a bundled client imports faster than the runtime's copy and pins the version tested.
  external: [],
  // CommonJS code inside the ESM bundle (a few SDK dependencies) calls `require` for Node built-ins.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
} as const satisfies BuildOptions;

/**
 * {@link esbuildOptions} as `NodejsFunction`'s `bundling` props. NodejsFunction runs the esbuild CLI with
 * `--bundle --platform=node` and an `--outfile` of its own; each option below maps to one of the flags above.
 */
export const nodejsFunctionBundling = {
  format: OutputFormat.ESM,
  target: esbuildOptions.target,
  minify: esbuildOptions.minify,
  sourceMap: esbuildOptions.sourcemap,
  sourcesContent: esbuildOptions.sourcesContent,
  mainFields: [...esbuildOptions.mainFields],
  externalModules: [...esbuildOptions.external],
  banner: esbuildOptions.banner.js,
  logLevel: LogLevel.WARNING,
  // Not `charset: Charset.UTF8`: aws-cdk-lib (2.276) accepts that prop but never passes it to esbuild, so the bundles
  // carried `\uXXXX` escapes. The flag itself, through `esbuildArgs`, reaches the command line.
  esbuildArgs: { '--charset': esbuildOptions.charset },
} as const satisfies BundlingOptions;

/**
 * The environment a bundle runs with: stack traces through the source map. `GreenlineFunction` sets it on every
 * function, and `npm run bench -- cold` imports the bundles with it, since Node then reads the map at import.
 */
export const bundleRuntimeEnvironment = { NODE_OPTIONS: '--enable-source-maps' } as const;

/** One function to bundle: its name (the bundle's folder) and its entry file, relative to {@link repoRoot}. */
export interface BundleEntry {
  readonly name: string;
  readonly entry: string;
}

export interface BuiltBundles {
  /** `<outdir>/<name>/index.mjs` for each entry's name. */
  readonly files: Readonly<Record<string, string>>;
  /** esbuild's metafile: each output's bytes and the inputs it holds (paths relative to {@link repoRoot}). */
  readonly metafile: Metafile;
}

/**
 * Builds the entries in one esbuild call with {@link esbuildOptions}, each to `<outdir>/<name>/index.mjs` with its
 * source map beside it, as `NodejsFunction` lays out an asset. No code splitting: each bundle stands alone.
 *
 * @example
 * ```ts
 * const { files, metafile } = await buildBundles([{ name: 'health', entry: 'functions/platform/health.ts' }], dir);
 * ```
 */
export const buildBundles = async (entries: readonly BundleEntry[], outdir: string): Promise<BuiltBundles> => {
  await mkdir(outdir, { recursive: true });
  const result = await build({
    ...esbuildOptions,
    mainFields: [...esbuildOptions.mainFields],
    external: [...esbuildOptions.external],
    absWorkingDir: repoRoot,
    entryPoints: entries.map(({ name, entry }) => ({ in: resolve(repoRoot, entry), out: `${name}/index` })),
    outdir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
  });
  const files = Object.fromEntries(entries.map(({ name }) => [name, join(outdir, name, bundleFileName)]));
  return { files, metafile: result.metafile };
};

/** The metafile's output of one bundle file (an absolute path under the outdir of {@link buildBundles}). */
export const bundleOutput = (metafile: Metafile, file: string): Metafile['outputs'][string] => {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(repoRoot, path) === file)?.[1];
  if (!output) throw new Error(`no bundle ${file} in the metafile`);
  return output;
};
