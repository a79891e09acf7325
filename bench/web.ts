/**
 * `npm run bench -- web`: builds the console and prints, for each page, the gzip size of the JavaScript and CSS it
 * loads (`web/scripts/bundle-report.ts`), and as a ratio the size against the public home page's, the baseline
 * measured in the same build. Fails when a public page loads any module of the officials' console.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { pageBundles } from '../web/scripts/bundle-report.ts';

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export const runWebBenchmark = async (): Promise<boolean> => {
  const outDir = await mkdtemp(join(tmpdir(), 'greenline-web-bench-'));
  try {
    await build({
      configFile: join(import.meta.dirname, '..', 'web', 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const bundles = pageBundles(outDir);
    const baseline = bundles.find((bundle) => bundle.page === '/');
    const baselineBytes = (baseline?.jsGzipBytes ?? 0) + (baseline?.cssGzipBytes ?? 0);
    console.log('\nweb — what each page loads (gzip; fonts excluded), ratio to the public home page');
    console.log(
      `${'page'.padEnd(26)}${'JS'.padStart(10)}${'CSS'.padStart(10)}${'files'.padStart(7)}${'× home'.padStart(9)}`,
    );
    for (const bundle of bundles) {
      const total = bundle.jsGzipBytes + bundle.cssGzipBytes;
      console.log(
        `${bundle.page.padEnd(26)}${kilobytes(bundle.jsGzipBytes).padStart(10)}${kilobytes(bundle.cssGzipBytes).padStart(10)}` +
          `${String(bundle.files.length).padStart(7)}${(total / baselineBytes).toFixed(2).padStart(9)}`,
      );
    }
    const leaking = bundles.filter(
      (bundle) => !bundle.page.startsWith('/console') && bundle.modules.some((key) => key.startsWith('src/console/')),
    );
    for (const bundle of leaking) console.log(`✗ ${bundle.page} loads the console's code`);
    return leaking.length === 0;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
};
