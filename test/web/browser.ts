/**
 * Browser tests: the one-machine runtime (`npm start`) in a child process and a headless Chromium driven by
 * Playwright. The Chromium is the one `@sparticuz/chromium` ships inside its npm package (unpacked on first use), so
 * `npm ci` is all a clean machine needs. Screenshots go to `web/screenshots/` (git-ignored), rewritten by every run.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import chromium from '@sparticuz/chromium';
import { type Browser, type BrowserContext, type Page, chromium as playwright } from 'playwright-core';
import { expect } from 'vitest';
import {
  cleanUp,
  freePorts,
  interrupt,
  type Running,
  type RuntimePorts,
  root,
  startRuntime,
} from '../support/runtime.ts';

export const screenshotDir = join(root, 'web', 'screenshots');

export interface WebRig {
  readonly api: string;
  readonly ports: RuntimePorts;
  readonly browser: Browser;
  /** A fresh browser context (its own storage: signed out) with a page on it. */
  newPage(): Promise<Page>;
  stop(): Promise<void>;
}

/** Starts the runtime with its own data and ports, and a browser. Call `stop` in `afterAll`. */
export const startWebRig = async (): Promise<WebRig> => {
  const ports = await freePorts();
  const dataDir = await mkdtemp(join(tmpdir(), 'greenline-web-'));
  let running: Running | undefined;
  const contexts: BrowserContext[] = [];
  const [browser] = await Promise.all([
    playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true }),
    startRuntime(dataDir, ports).then((started) => {
      running = started;
    }),
  ]);
  const api = `http://127.0.0.1:${ports.api}`;
  return {
    api,
    ports,
    browser,
    newPage: async () => {
      const context = await browser.newContext({
        baseURL: api,
        locale: 'zh-CN',
        viewport: { width: 1366, height: 900 },
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    stop: async () => {
      await Promise.allSettled(contexts.map((context) => context.close()));
      await browser.close();
      if (running) expect(await interrupt(running)).toBe(0);
      await cleanUp(running, ports, dataDir);
    },
  };
};

/** Signs in through the local sign-in page as `username` (a demo user) and waits for the console. */
export const signIn = async (page: Page, username: string, next = '/console'): Promise<void> => {
  await page.goto(`/console/sign-in?next=${encodeURIComponent(next)}`);
  // The picker filters on its labels, which end in `（username）`: typing that leaves exactly one option; Enter picks it.
  await page.getByLabel('用户').click();
  await page.keyboard.type(`（${username}）`);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('signed-in-user').waitFor();
};

/** Saves a full-page screenshot as `web/screenshots/<name>.png`. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  await mkdir(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};

/** Runs axe on the page and expects no serious or critical violation (the list names each, to fix). */
export const expectAccessible = async (page: Page): Promise<void> => {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.any[0]?.message ?? ''})`).join(', ')}`,
    );
  expect(bad, `axe on ${page.url()}`).toEqual([]);
};
