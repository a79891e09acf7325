/**
 * The statistics page in the browser: complaints received in February and March 2026 (one closed, one rejected, the
 * rest open), the page for the city and the default period (1 January to the local clock's today) showing exactly the
 * figures `GET /v1/stats` gives, its three charts drawn, the period picker and the unit picker changing the address
 * and the figures, and the statistics table exported as CSV with Chinese headers.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, signIn, startWebRig, type WebRig } from './browser.ts';

/** expect.poll with time for a page to load (its default second is too short here). */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

const february = '2026-02-10T10:00:00+08:00';
const march = '2026-03-10T10:00:00+08:00';

interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
  percent: string;
}

interface StatsBody {
  unitId: string;
  from: string;
  to: string;
  counts: Record<string, number>;
  closureRate: Rate;
  onTimeRate: Rate;
  satisfaction: { satisfaction: Rate };
  rows: { key: string; label: string; counts: Record<string, number> }[];
}

const countNames = [
  'received',
  'accepted',
  'rejected',
  'merged',
  'closed',
  'open',
  'openOverdue',
  'extensions',
  'returns',
  'reviews',
  'reopened',
] as const;

describe('the statistics page', () => {
  let rig: WebRig;
  let page: Page;
  const tokens = new Map<string, string>();

  const call = async (method: string, path: string, username?: string, body?: unknown) => {
    let token = username ? tokens.get(username) : undefined;
    if (username && !token) {
      token = await localToken(rig.api, username);
      tokens.set(username, token);
    }
    return fetch(`${rig.api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  const setClock = async (now: string | null) =>
    expect((await call('POST', '/local/clock', undefined, { now })).status).toBe(200);
  const statsOf = async (query: string) => {
    const response = await call('GET', `/v1/stats?${query}`, 'supervisor');
    expect(response.status).toBe(200);
    return (await response.json()) as StatsBody;
  };

  /** A complaint by the hotline operator, then `actions` on it in turn (each by whose turn it is). */
  const aComplaint = async (
    overrides: Record<string, unknown>,
    actions: readonly (readonly [username: string, action: string, body?: object])[] = [],
  ) => {
    const response = await call('POST', '/v1/complaints', 'operator', {
      channel: 'hotline',
      complainant: { name: '李女士', phone: '13812345678' },
      place: { address: '城东街道建设路 18 号', town: '城东街道' },
      category: 'noise',
      description: '工厂夜间持续作业，噪声很大，影响居民休息。',
      ...overrides,
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string };
    for (const [username, action, body = {}] of actions) {
      const acted = await call('POST', `/v1/cases/${created.id}/actions/${action}`, username, body);
      expect(acted.status, `${action}: ${await acted.clone().text()}`).toBe(200);
    }
    return created;
  };
  const assignTo = (departmentId: string, responsibleUsername: string, leadUsername: string) =>
    ['dispatcher', 'assign', { departmentId, responsibleUsername, leadUsername }] as const;

  /** The number a figure card shows. */
  const figure = async (name: string) => Number(await page.getByTestId(`figure-${name}`).getAttribute('data-value'));
  const shownFor = () => page.getByTestId('stats-shown-for').textContent();

  beforeAll(async () => {
    rig = await startWebRig();
    page = await rig.newPage();
  }, 120_000);
  afterAll(async () => {
    if (rig) await call('POST', '/local/clock', undefined, { now: null }).catch(() => undefined);
    await rig?.stop();
  }, 60_000);

  it('shows the figures of /v1/stats for the unit and period, draws the three charts and follows the pickers', async () => {
    // Prepare: in February an air complaint closed on time and a water complaint rejected; in March three open ones
    await setClock(february);
    await aComplaint({ category: 'air', description: '化工厂排放刺鼻气体，夜间尤其严重。' }, [
      ['dispatcher', 'accept'],
      assignTo('east-enforcement', 'handler', 'lead'),
      ['handler', 'sign'],
      ['handler', 'submit-result', { result: '现场检查属实，已责令整改。', publicReply: '经查属实，已责令企业整改。' }],
      ['lead', 'approve-result'],
    ]);
    await aComplaint({ category: 'water', channel: 'letter' }, [
      ['dispatcher', 'reject', { reason: '不属于本局职责范围' }],
    ]);
    await setClock(march);
    await aComplaint({}, [['dispatcher', 'accept']]);
    await aComplaint({ channel: 'web' }, [['dispatcher', 'accept'], assignTo('east-enforcement', 'handler', 'lead')]);
    await aComplaint({ category: 'water', place: { address: '城西街道工业路 6 号', town: '城西街道' } }, [
      ['dispatcher', 'accept'],
      assignTo('west-enforcement', 'handler3', 'lead2'),
    ]);
    const year = await statsOf('unit=city&from=2026-01-01&to=2026-03-10&groupBy=department');
    expect(year.counts).toMatchObject({ received: 5, accepted: 4, rejected: 1, closed: 1, open: 3 });

    // Act: the supervisor opens the page from the menu
    await signIn(page, 'supervisor', '/console');
    await page.getByRole('link', { name: '统计分析' }).click();
    await page.getByTestId('stats-figures').waitFor();

    // Assess: the address names the default view, and every figure is the API's
    await eventually(() => new URL(page.url()).search).toBe('?unit=city&from=2026-01-01&to=2026-03-10');
    expect(await shownFor()).toBe('示范市生态环境局 · 2026-01-01 至 2026-03-10 收到');
    for (const name of countNames) expect(await figure(name), name).toBe(year.counts[name]);
    expect(await page.getByTestId('figure-received').textContent()).toContain('收到5件');
    expect(await page.getByTestId('rate-closure').textContent()).toContain(year.closureRate.percent);
    expect(await page.getByTestId('rate-closure-fraction').textContent()).toBe(
      `分子/分母：${year.closureRate.numerator}/${year.closureRate.denominator}`,
    );
    expect(await page.getByTestId('rate-on-time-fraction').textContent()).toBe(
      `分子/分母：${year.onTimeRate.numerator}/${year.onTimeRate.denominator}`,
    );
    expect(await page.getByTestId('rate-closure').textContent()).toContain('办结率 = 办结数 ÷ 受理数');
    // No valid survey answer yet: a dash and why, never 0%
    expect(year.satisfaction.satisfaction.value).toBeNull();
    const satisfaction = await page.getByTestId('rate-satisfaction').textContent();
    expect(satisfaction).toContain('—');
    expect(satisfaction).not.toContain('0%');
    expect(await page.getByTestId('rate-satisfaction-reason').textContent()).toContain('无法计算');
    // The three charts, each an SVG
    for (const chart of ['stats-chart-month', 'stats-chart-category', 'stats-chart-department']) {
      await page.getByTestId(chart).locator('svg').first().waitFor();
      expect(await page.getByTestId(chart).getAttribute('role'), chart).toBe('img');
    }
    expect(await page.getByTestId('stats-chart-month').getAttribute('aria-label')).toContain('2月 收到 2');
    // The table by unit: each unit below with its figures
    const eastRow = page.locator('[data-testid="stats-table"] tr[data-row="east"]');
    expect(await eastRow.locator('td').first().textContent()).toBe('城东分局');
    expect(Number(await eastRow.locator('td').nth(1).textContent())).toBe(
      year.rows.find((row) => row.key === 'east')?.counts.received,
    );
    await screenshot(page, 'statistics');
    await expectAccessible(page);

    // Act: March only, typed into the period picker
    const march1 = await statsOf('unit=city&from=2026-03-01&to=2026-03-10');
    const start = page.getByLabel('统计期间（收到日期）');
    await start.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2026-03-01');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2026-03-10');
    await page.keyboard.press('Enter');

    // Assess: the address and the figures follow
    await eventually(() => new URL(page.url()).searchParams.get('from')).toBe('2026-03-01');
    await eventually(shownFor).toBe('示范市生态环境局 · 2026-03-01 至 2026-03-10 收到');
    expect(march1.counts.received).toBe(3);
    for (const name of countNames) expect(await figure(name), name).toBe(march1.counts[name]);

    // Act: the unit picker, to 城东分局
    const eastMarch = await statsOf('unit=east&from=2026-03-01&to=2026-03-10');
    await page.getByLabel('单位', { exact: true }).click();
    await page.keyboard.type('城东分局');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '城东分局' })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');

    // Assess
    await eventually(() => new URL(page.url()).searchParams.get('unit')).toBe('east');
    await eventually(shownFor).toBe('城东分局 · 2026-03-01 至 2026-03-10 收到');
    for (const name of countNames) expect(await figure(name), name).toBe(eastMarch.counts[name]);

    // Act: the address alone reproduces the view in a new page
    const link = page.url();
    const other = await rig.newPage();
    await signIn(other, 'supervisor', new URL(link).pathname + new URL(link).search);
    await other.getByTestId('stats-figures').waitFor();

    // Assess
    expect(await other.getByTestId('stats-shown-for').textContent()).toBe('城东分局 · 2026-03-01 至 2026-03-10 收到');
    expect(Number(await other.getByTestId('figure-received').getAttribute('data-value'))).toBe(
      eastMarch.counts.received,
    );
  }, 180_000);

  it('shows a period without cases with dashes, never 0%, and a refused period with the reason the API gives', async () => {
    // Act: a year without cases
    await page.goto('/console/statistics?unit=city&from=2025-01-01&to=2025-12-31');
    await page.getByTestId('stats-figures').waitFor();

    // Assess
    await eventually(shownFor).toBe('示范市生态环境局 · 2025-01-01 至 2025-12-31 收到');
    expect(await figure('received')).toBe(0);
    await page.getByTestId('stats-empty').waitFor();
    for (const rate of ['rate-closure', 'rate-on-time', 'rate-satisfaction', 'rate-solved']) {
      expect(await page.getByTestId(rate).textContent(), rate).toContain('—');
      expect(await page.getByTestId(rate).textContent(), rate).not.toContain('0%');
    }
    expect(await page.getByTestId('rate-closure-reason').textContent()).toBe('期间内没有受理的事项，无法计算');
    expect(await page.getByTestId('rate-closure-fraction').textContent()).toBe('分子/分母：0/0');

    // Act: a period that ends before it starts
    await page.goto('/console/statistics?unit=city&from=2026-03-10&to=2026-01-01');

    // Assess: the API's reason, and no figures of another view beside it
    await eventually(() => page.getByTestId('stats-error').textContent()).toContain('起始日期不能晚于截止日期');
    expect(await page.getByTestId('stats-figures').count()).toBe(0);
    await expectAccessible(page);
  }, 60_000);

  it('exports the statistics table as CSV with Chinese headers, under the name the API gives', async () => {
    // Prepare: the city's figures of this year, on the page
    await page.goto('/console/statistics?unit=city&from=2026-01-01&to=2026-03-10');
    await page.getByTestId('stats-figures').waitFor();

    // Act: the download, or the page's message of why not (the API's problem detail)
    const downloading = page.waitForEvent('download', { timeout: 20_000 });
    const failing = page.locator('.ant-message-error').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '导出统计表（CSV）' }).click();
    const download = await Promise.race([
      downloading,
      failing.then(async () => {
        throw new Error(`the export failed: ${await page.locator('.ant-message-error').textContent()}`);
      }),
    ]);
    await Promise.allSettled([downloading, failing]);

    // Assess
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const firstLine = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    expect(firstLine).toMatch(/[\u4e00-\u9fff]/);
    expect(firstLine).toContain('收到');
  }, 60_000);
});
