/**
 * The published random inspections (双随机、一公开) in the browser, signed out: a supervisor's draw of four registered
 * firms with two inspectors in the pool, one drawn firm inspected; the page lists the drawn firms in order with their
 * inspectors (names and certificate numbers, never a username), the inspected one's result and the other as 待检查,
 * checks the snapshot's SHA-256 in the browser and downloads the snapshot exactly as published. Without a period the
 * page shows the API's current quarter (the local clock is held in the fourth quarter of 2026); another quarter is
 * empty; a bad period and a rate limit are told in words. axe runs on the pages, and a phone does not scroll sideways.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationCodeCheckDigit, usccCheckCharacter } from '#enterprises/domain/uscc.ts';
import type { DrawDetails, Inspection, PublicInspections } from '../../web/src/api/schema.gen.ts';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, startWebRig, type WebRig } from './browser.ts';

const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

/** A valid USCC from an 8-digit organisation code body (both check characters computed). */
const makeUscc = (body: string): string => {
  const first17 = `91320500${body}${organisationCodeCheckDigit(body)}`;
  return `${first17}${usccCheckCharacter(first17)}`;
};

/** Two key polluters and two general firms: the default rates (25%, 5%) draw one of each. */
const firms = [
  { uscc: makeUscc('71000001'), name: '示范市恒力电镀有限公司', keyPolluter: true },
  { uscc: makeUscc('71000002'), name: '示范市清源化工有限公司', keyPolluter: true },
  { uscc: makeUscc('71000003'), name: '示范市东兴家具厂', keyPolluter: false },
  { uscc: makeUscc('71000004'), name: '示范市新华印刷有限公司', keyPolluter: false },
];

/** The pool: demo users (username, certificate). Their usernames must never reach the public page. */
const pool = [
  ['handler', '32050026001'],
  ['handler2', '32050026002'],
] as const;

const seed = '2026年10月15日 公证员现场掷出 4 2 6 1';
const summary = '现场检查污染防治设施运行情况，电镀废水处理设施运行正常，危废台账记录不全。';
const finding = '危险废物管理台账未按月记录';

describe('the public inspections page', () => {
  let rig: WebRig;
  let draw: DrawDetails;
  let inspection: Inspection;
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
  const expectStatus = async (response: Response, status: number) => {
    expect(response.status, await response.clone().text()).toBe(status);
    return response.json();
  };
  /** axe with the mouse out of the way (a hovered control has its lighter colour for a moment). */
  const accessible = async (page: Page) => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await expectAccessible(page);
  };
  const noHorizontalScroll = (page: Page) =>
    page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');
  const heading = (page: Page) => page.getByRole('heading', { level: 1, name: '双随机抽查结果公开' });

  beforeAll(async () => {
    rig = await startWebRig();
    await expectStatus(await call('POST', '/local/clock', undefined, { now: '2026-10-15T09:00:00+08:00' }), 200);
    for (const firm of firms) {
      await expectStatus(
        await call('POST', '/v1/enterprises', 'dispatcher', {
          ...firm,
          industries: [{ code: 'C3360', label: '金属表面处理及热处理加工' }],
          address: '城东街道工业园 8 号',
          town: '城东街道',
          contacts: [],
        }),
        201,
      );
    }
    for (const [username, certificateNumber] of pool) {
      await expectStatus(
        await call('PUT', `/v1/inspection-plans/inspectors/${username}`, 'supervisor', { certificateNumber }),
        200,
      );
    }
    const plan = (await expectStatus(
      await call('POST', '/v1/inspection-plans', 'supervisor', {
        name: '2026 年第四季度双随机抽查',
        period: '2026-Q4',
        items: [
          { code: 'A1', label: '污染防治设施运行情况' },
          { code: 'A2', label: '危险废物规范化管理' },
        ],
      }),
      201,
    )) as { id: string };
    draw = (await expectStatus(
      await call('POST', '/v1/draws', 'supervisor', { planId: plan.id, seed }),
      201,
    )) as DrawDetails;
    const [first] = draw.result.entities;
    if (!first) throw new Error('nothing drawn');
    const drawnUsers = first.inspectors.map(
      (certificate) => draw.inspectors.find((inspector) => inspector.certificateNumber === certificate)?.username,
    );
    inspection = (await expectStatus(
      await call('POST', '/v1/inspections', 'handler', {
        drawId: draw.id,
        uscc: first.uscc,
        date: '2026-10-15',
        inspectors: drawnUsers,
        itemsChecked: ['A1', 'A2'],
        summary,
        findings: [{ description: finding, item: 'A2' }],
      }),
      201,
    )) as Inspection;
  }, 180_000);
  afterAll(async () => {
    if (rig) await call('POST', '/local/clock', undefined, { now: null }).catch(() => undefined);
    await rig?.stop();
  }, 60_000);

  it('publishes the draw with its firms, inspectors and result, and checks and downloads its snapshot', async () => {
    // Prepare
    expect(draw.result.entities.map((entity) => entity.class)).toEqual(['key-polluter', 'general']);
    const page = await rig.newPage();
    const answered = page.waitForResponse((response) => response.url().includes('/v1/public/inspections'));

    // Act
    await page.goto('/inspections?period=2026-Q4');
    await heading(page).waitFor();

    // Assess: the draw, its tally and its firms in the order drawn
    const published = (await (await answered).json()) as PublicInspections;
    const section = page.locator(`[data-testid="public-draw"][data-draw-id="${draw.id}"]`);
    await section.getByRole('heading', { level: 2, name: '2026 年第四季度双随机抽查' }).waitFor();
    await page.getByTestId('publication-policy').getByText('检查结果自检查之日起 20 个工作日内公开').waitFor();
    const rows = section.getByTestId('drawn-entity');
    await eventually(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-uscc')))).toEqual(
      draw.result.entities.map((entity) => entity.uscc),
    );
    const tally = section.getByTestId('draw-tally');
    const cells = (name: string) =>
      tally
        .getByRole('row', { name: new RegExp(name) })
        .locator('th, td')
        .allTextContents();
    expect(await cells('重点排污单位')).toEqual(['重点排污单位', '2', '25%', '1']);
    expect(await cells('一般排污单位')).toEqual(['一般排污单位', '2', '5%', '1']);
    expect(await cells('正面清单企业')).toEqual(['正面清单企业', '0', '2%', '0']);

    // Assess: the inspected firm's result, the other waiting; inspectors by name and certificate only
    const [first, second] = draw.result.entities;
    const inspected = section.locator(`[data-testid="drawn-entity"][data-uscc="${first?.uscc}"]`);
    const result = inspected.getByTestId('inspection-result');
    for (const text of [
      inspection.number,
      '2026-10-15',
      summary,
      finding,
      '污染防治设施运行情况、危险废物规范化管理',
    ]) {
      await result.getByText(text).waitFor();
    }
    expect(await result.getByTestId('inspection-outcome').textContent()).toBe('发现问题');
    await result.getByText(inspection.publishBy).waitFor();
    expect(await inspected.getByTestId('not-inspected').count()).toBe(0);
    const waiting = section.locator(`[data-testid="drawn-entity"][data-uscc="${second?.uscc}"]`);
    expect(await waiting.getByTestId('not-inspected').textContent()).toBe('待检查');
    expect(await waiting.getByTestId('inspection-result').count()).toBe(0);
    const names: Record<string, string> = { '32050026001': '薛峰（监察大队）', '32050026002': '黄瑞芝（固废科）' };
    expect(await inspected.getByTestId('drawn-inspectors').textContent()).toBe(
      `抽中的执法人员：${first?.inspectors.map((certificate) => `${names[certificate]}（执法证号 ${certificate}）`).join('、')}`,
    );
    const text = await page.locator('body').innerText();
    const json = JSON.stringify(published);
    for (const [username] of pool) {
      expect(text).not.toContain(username);
      expect(json).not.toContain(username);
    }

    // Assess: the verification data, and the hash checked in the browser
    for (const value of [seed, draw.snapshotHash, 'greenline-draw（第 1 版）', draw.algorithm.generator]) {
      await section.getByText(value, { exact: true }).waitFor();
    }
    await section.getByText('抽取前公开确定的值').waitFor();
    await section.getByText(`npm run verify-draw -- ${draw.id}`).waitFor();
    const check = section.getByTestId('snapshot-hash-check');
    await eventually(() => check.getAttribute('data-matches')).toBe('true');
    await check.getByText('一致').waitFor();
    await screenshot(page, 'public-inspections');
    await accessible(page);

    // Act: download the snapshot
    const downloading = page.waitForEvent('download');
    await section.getByTestId('snapshot-download').click();
    const download = await downloading;

    // Assess: exactly the published text, whose SHA-256 is the published one
    expect(download.suggestedFilename()).toBe(`${draw.id}-snapshot.json`);
    const bytes = await readFile(await download.path());
    expect(bytes.toString('utf8')).toBe(draw.snapshot);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(draw.snapshotHash);

    // Act: a phone
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(300);

    // Assess
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'public-inspections-phone');
  }, 120_000);

  it('shows the current quarter by default, an empty quarter, a bad period and a rate limit in words', async () => {
    // Prepare
    const page = await rig.newPage();

    // Act: no period — the API's current quarter (the local clock's)
    await page.goto('/inspections');
    await heading(page).waitFor();

    // Assess
    const picker = page.getByTestId('inspections-period');
    await page.locator(`[data-testid="public-draw"][data-draw-id="${draw.id}"]`).waitFor();
    await picker.getByText('2026 年').waitFor();
    expect(await page.getByRole('radio', { name: '第四季度' }).isChecked()).toBe(true);
    await page.getByTestId('inspections-count').getByText('2026 年第四季度共 1 次抽取').waitFor();

    // Act: the quarter before
    await picker.getByText('第三季度', { exact: true }).click();

    // Assess: in the address, and nothing published
    await eventually(() => new URL(page.url()).searchParams.get('period')).toBe('2026-Q3');
    await page.getByTestId('inspections-empty').getByText('2026 年第三季度没有公开的抽取。').waitFor();
    expect(await page.getByTestId('public-draw').count()).toBe(0);
    await accessible(page);

    // Act: a period the API refuses
    await page.goto('/inspections?period=2026-5');

    // Assess
    const refused = page.getByRole('alert');
    await refused.getByText('期间不正确').waitFor();
    await refused.getByText(/期间格式须为 YYYY-Qn/).waitFor();

    // Act: the rate limit answers (stood in for: twenty look-ups would spend the rig's limit for a minute)
    await page.route('**/v1/public/inspections*', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '45' },
        body: JSON.stringify({ type: 'about:blank', title: '请求过于频繁', status: 429 }),
      }),
    );
    await page.goto('/inspections?period=2026-Q4');

    // Assess: told when to try again; trying again once the limit has passed shows the draw
    await page.getByRole('alert').getByText('查询过于频繁，请 45 秒后再试。').waitFor();
    await page.unroute('**/v1/public/inspections*');
    await page.getByRole('button', { name: /重\s*试/ }).click();
    await page.locator(`[data-testid="public-draw"][data-draw-id="${draw.id}"]`).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  }, 120_000);
});
