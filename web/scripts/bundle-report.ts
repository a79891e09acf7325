/**
 * What each page of the console loads, read from Vite's manifest (`.vite/manifest.json` of a build): the entry
 * (`index.html`'s script and styles), the page's own chunk and its layout's, and every chunk they import statically —
 * not the other pages' chunks, which load only when their routes are visited. Sizes are gzip (level 9), as served.
 * Fonts are left out: the browser fetches only the unicode-range slices of the characters on the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
  readonly isEntry?: boolean;
}

type Manifest = Readonly<Record<string, ManifestChunk>>;

/** The pages and the route modules each loads (a console page inside its layout). */
export const pages: Readonly<Record<string, readonly string[]>> = {
  '/': ['src/public/HomePage.tsx'],
  '/complaint': ['src/public/SubmitComplaintPage.tsx'],
  '/track': ['src/public/TrackPage.tsx'],
  '/survey/:token': ['src/public/SurveyPage.tsx'],
  '/inspections': ['src/public/PublicInspectionsPage.tsx'],
  '/console/sign-in': ['src/console/SignInPage.tsx'],
  '/console': ['src/console/ConsoleLayout.tsx', 'src/console/ledger/LedgerPage.tsx'],
  '/console/cases/:id': ['src/console/ConsoleLayout.tsx', 'src/console/cases/CasePage.tsx'],
  '/console/cases': ['src/console/ConsoleLayout.tsx', 'src/console/cases/CaseListPage.tsx'],
  '/console/my-work': ['src/console/ConsoleLayout.tsx', 'src/console/work/MyWorkPage.tsx'],
  '/console/hotline': ['src/console/ConsoleLayout.tsx', 'src/console/hotline/HotlinePage.tsx'],
  '/console/follow-ups': ['src/console/ConsoleLayout.tsx', 'src/console/follow-ups/FollowUpsPage.tsx'],
  '/console/admin/policies': ['src/console/ConsoleLayout.tsx', 'src/console/admin/PoliciesPage.tsx'],
  '/console/admin/calendar': ['src/console/ConsoleLayout.tsx', 'src/console/admin/CalendarPage.tsx'],
  '/console/admin/survey-settings': ['src/console/ConsoleLayout.tsx', 'src/console/admin/SurveySettingsPage.tsx'],
  '/console/admin/users': ['src/console/ConsoleLayout.tsx', 'src/console/directory/UsersPage.tsx'],
};

export interface PageBundle {
  readonly page: string;
  /** The files loaded, in the build's assets/ folder. */
  readonly files: readonly string[];
  /** The source modules whose chunks are loaded (manifest keys): what tells a public page carries no console code. */
  readonly modules: readonly string[];
  readonly jsGzipBytes: number;
  readonly cssGzipBytes: number;
}

const readManifest = (distDir: string): Manifest =>
  JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;

/** The manifest keys loaded with `keys`: each and its static imports, transitively. */
const closure = (manifest: Manifest, keys: readonly string[]): string[] => {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...seen];
};

const gzipSize = (distDir: string, files: readonly string[]): number =>
  files.reduce((total, file) => total + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length, 0);

/** The bundle of every page of `pages` in the build at `distDir`. */
export const pageBundles = (distDir: string): PageBundle[] => {
  const manifest = readManifest(distDir);
  return Object.entries(pages).map(([page, routeModules]) => {
    const modules = closure(manifest, ['index.html', ...routeModules]);
    const chunks = modules.map((key) => manifest[key] as ManifestChunk);
    const js = [...new Set(chunks.map((chunk) => chunk.file))];
    const css = [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))];
    return {
      page,
      files: [...js, ...css],
      modules,
      jsGzipBytes: gzipSize(distDir, js),
      cssGzipBytes: gzipSize(distDir, css),
    };
  });
};
