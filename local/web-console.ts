/**
 * The web console on one machine: `web/` built once by Vite into `web/dist/<fingerprint>/` (skipped when a build of
 * the same sources exists), rebuilt when `web/` changes while `npm start` runs, and served as static files beside
 * the API — the same origin, as CloudFront serves it in AWS. `/config.json` tells the pages to sign in locally.
 *
 * A build goes to a temporary folder that is renamed into place, so two runtimes starting at once (tests) never see
 * a half-written build, and a runtime serving one build is not disturbed by another's.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { type FSWatcher, watch } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import type { HttpResponse } from './api-gateway-event.ts';
import { localLog } from './log.ts';

const root = join(import.meta.dirname, '..');
export const webRoot = join(root, 'web');
const distRoot = join(webRoot, 'dist');

/**
 * What the build reads: src/, the page and the build's configuration. Nothing else under web/ (the build output, the
 * screenshots the browser tests write, the scripts) may trigger a rebuild.
 */
const isSource = (path: string) =>
  path.startsWith(`src${sep}`) || ['index.html', 'vite.config.ts', 'tsconfig.json'].includes(path);

const sourceFiles = async (): Promise<string[]> =>
  (await readdir(webRoot, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(webRoot, join(entry.parentPath, entry.name)))
    .filter(isSource)
    .sort();

/** A hash of everything the build reads: the sources under web/ and the installed packages' lock. */
export const webFingerprint = async (): Promise<string> => {
  const hash = createHash('sha256');
  for (const path of await sourceFiles())
    hash
      .update(path)
      .update('\0')
      .update(await readFile(join(webRoot, path)));
  hash.update(await readFile(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
};

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Builds the console unless a build of these sources is there; resolves to the folder to serve. */
export const buildWebConsole = async (options: { force?: boolean } = {}): Promise<string> => {
  const fingerprint = await webFingerprint();
  const target = join(distRoot, fingerprint);
  if (!options.force && (await exists(join(target, 'index.html')))) return target;
  const temporary = join(distRoot, `.building-${process.pid}-${Date.now()}`);
  const startedAt = performance.now();
  // In a child process: a long-running `npm start` that rebuilt in process kept each build's memory.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        webRoot,
        '--outDir',
        temporary,
        '--logLevel',
        'warn',
      ],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
  await mkdir(distRoot, { recursive: true });
  await rename(temporary, target).catch(async (error: NodeJS.ErrnoException) => {
    // Another runtime built the same sources first: theirs is as good as ours.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    await rm(temporary, { recursive: true, force: true });
  });
  localLog.info('web console built', { fingerprint, ms: Math.round(performance.now() - startedAt) });
  await pruneOldBuilds(fingerprint);
  return target;
};

/** Removes builds other than `keep` that are over an hour old (a runtime started earlier may still serve one). */
const pruneOldBuilds = async (keep: string) => {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of await readdir(distRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const path = join(distRoot, entry.name);
    if ((await stat(path)).mtimeMs < hourAgo) await rm(path, { recursive: true, force: true });
  }
};

/** Calls `onChange` (debounced) when a source under web/ changes. */
export const watchWebSources = (onChange: () => void): FSWatcher => {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(webRoot, { recursive: true }, (_event, file) => {
    if (!file || !isSource(String(file))) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, 300);
  });
  watcher.unref();
  return watcher;
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The pages' headers: no framing, no sniffing, no referrer, and a content security policy that allows the page's own
 * scripts, antd's inline styles, images from uploads (blob:, data:) and requests to its own origin only.
 */
export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export interface StaticSite {
  /** The file for a GET of `path`, index.html for a page route, or undefined for a missing asset. */
  serve(path: string): Promise<HttpResponse | undefined>;
  /** Serves another build folder from now on. */
  switchTo(folder: string): void;
}

export const createStaticSite = (folder: string, config: unknown): StaticSite => {
  let current = folder;
  const file = async (path: string, headers: Record<string, string>): Promise<HttpResponse | undefined> => {
    const resolved = normalize(join(current, path));
    if (!resolved.startsWith(current + sep)) return undefined;
    try {
      const body = await readFile(resolved);
      return {
        statusCode: 200,
        headers: { 'content-type': contentTypes[extname(resolved)] ?? 'application/octet-stream', ...headers },
        cookies: [],
        body,
      };
    } catch {
      return undefined;
    }
  };
  return {
    switchTo: (next) => {
      current = next;
    },
    serve: async (path) => {
      if (path === '/config.json') {
        return {
          statusCode: 200,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          cookies: [],
          body: Buffer.from(JSON.stringify(config)),
        };
      }
      // Hashed file names: an asset never changes under its name.
      if (path.startsWith('/assets/')) return file(path, { 'cache-control': 'public, max-age=31536000, immutable' });
      if (extname(path) !== '' && path !== '/index.html') return file(path, { 'cache-control': 'no-cache' });
      // A page route (/, /track, /console/cases/01K…): the single page, which routes in the browser.
      return file('index.html', { 'cache-control': 'no-cache', ...pageSecurityHeaders });
    },
  };
};
