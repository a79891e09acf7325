/**
 * Random inspections (双随机) in the browser: a supervisor enters an inspector in the pool through the pools page (with
 * a declared tie; a wrong code refused under its field), makes a quarter's plan through the form and changes it, runs
 * its draw with a public seed and lands on the draw's page, which shows the draw verified with the snapshot's hash, the
 * tally and the drawn firms with two inspectors each.
 * A handler reads the plans and the draw but has no form to make a plan, no draw to run and no pool to keep.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationCodeCheckDigit, usccCheckCharacter } from '#enterprises/domain/uscc.ts';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, signIn, startWebRig, type WebRig } from './browser.ts';

/** expect.poll with time for a page to load. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

/** A button's text as a pattern, whatever spacing antd puts between two Chinese characters. */
const spaced = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);

/** A valid USCC from an 8-digit organisation code body (both check characters computed). */
const makeUscc = (body: string): string => {
  const first17 = `91350100${body}${organisationCodeCheckDigit(body)}`;
  return `${first17}${usccCheckCharacter(first17)}`;
};

/** One key polluter and two general firms: one of each class drawn (25% of 1, 5% of 2, rounded up). */
const firms = [
  { uscc: makeUscc('71000001'), name: '示范抽查化工有限公司', keyPolluter: true },
  { uscc: makeUscc('71000002'), name: '示范抽查家具厂', keyPolluter: false },
  { uscc: makeUscc('71000003'), name: '示范抽查印刷有限公司', keyPolluter: false },
];
const planName = '示范市本季度“双随机”抽查';
const seed = '公证员现场掷出 5 3 1 6';
const tieReason = '配偶在该企业任职';

describe('random inspection plans and draws', () => {
  let rig: WebRig;
  let page: Page;

  const asOfficial = async (username: string, method: string, path: string, body: unknown) => {
    const token = await localToken(rig.api, username);
    const response = await fetch(`${rig.api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
  };
  const signInAs = async (username: string, next: string) => {
    if (page.url().startsWith('http')) await page.evaluate(() => sessionStorage.clear());
    await signIn(page, username, next);
  };
  /** axe with the mouse out of the way (a hovered link has its lighter colour for a moment). */
  const accessible = async () => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await expectAccessible(page);
  };
  const planRow = () => page.getByTestId('plan-table').locator('tr', { hasText: planName });

  beforeAll(async () => {
    rig = await startWebRig();
    page = await rig.newPage();
  }, 120_000);
  afterAll(async () => {
    await rig?.stop();
  }, 60_000);

  it('keeps the pool, makes a plan from the form, runs its draw and shows it verified with its hash', async () => {
    // Prepare: three registered firms and two inspectors entered through the API
    for (const firm of firms) {
      await asOfficial('dispatcher', 'POST', '/v1/enterprises', {
        ...firm,
        industries: [{ code: 'C2614', label: '有机化学原料制造' }],
        address: '城东街道工业园 1 号',
        town: '城东街道',
        contacts: [],
      });
    }
    await asOfficial('supervisor', 'PUT', '/v1/inspection-plans/inspectors/handler2', {
      certificateNumber: '32048100002',
    });
    await asOfficial('supervisor', 'PUT', '/v1/inspection-plans/inspectors/handler3', {
      certificateNumber: '32048100003',
    });
    await signInAs('supervisor', '/console/inspections/pools');
    await page.getByTestId('inspection-pools-page').waitFor();
    await eventually(() => page.getByTestId('inspector-table').locator('tr[data-username]').count()).toBe(2);

    // Act: enter 薛峰 in the pool with a certificate and a declared tie
    await page.getByRole('button', { name: '纳入执法人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('工作人员', { exact: true }).click();
    await page.keyboard.type('（handler）');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '（handler）' }).click();
    await dialog.getByLabel('执法证号', { exact: true }).fill('32048100001');
    await dialog.getByRole('button', { name: '申报利害关系' }).click();
    await dialog.getByLabel('利害关系企业 1', { exact: true }).fill(firms[2]?.uscc ?? '');
    await dialog.getByLabel('关系 1', { exact: true }).fill(tieReason);
    await dialog.getByRole('button', { name: spaced('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Assess: in the pool, with the certificate and the tie and its reason
    const entered = page.getByTestId('inspector-table').locator('tr[data-username="handler"]');
    await entered.waitFor();
    expect(await entered.textContent()).toContain('32048100001');
    expect(await entered.textContent()).toContain(tieReason);
    expect(await entered.textContent()).toContain(firms[2]?.uscc);
    expect(await page.getByTestId('pool-size').textContent()).toContain('在库 3 人');

    // Act: edit 黄瑞芝's entry, declaring a tie to a code with a wrong check character
    await page
      .getByTestId('inspector-table')
      .locator('tr[data-username="handler2"]')
      .getByRole('button', { name: /^修改/ })
      .click();
    const edit = page.getByRole('dialog');
    expect(await edit.getByLabel('执法证号', { exact: true }).inputValue()).toBe('32048100002');
    await edit.getByRole('button', { name: '申报利害关系' }).click();
    const good = firms[0]?.uscc ?? '';
    await edit
      .getByLabel('利害关系企业 1', { exact: true })
      .fill(`${good.slice(0, 17)}${good.endsWith('1') ? '2' : '1'}`);
    await edit.getByLabel('关系 1', { exact: true }).fill(tieReason);
    await edit.getByRole('button', { name: spaced('保存') }).click();

    // Assess: refused, the API's reason under the field; nothing saved
    await eventually(() => edit.locator('.ant-form-item-explain-error').allTextContents()).toEqual([
      expect.stringContaining('校验码错误'),
    ]);
    await edit.getByRole('button', { name: spaced('取消') }).click();
    await edit.waitFor({ state: 'hidden' });
    expect(
      await page.getByTestId('inspector-table').locator('tr[data-username="handler2"]').textContent(),
    ).not.toContain(tieReason);
    await screenshot(page, 'inspection-pools');
    await accessible();

    // Act: the plans page, and a plan made through the form (the default rates, two items)
    await page.getByRole('link', { name: '← 抽查计划与抽取' }).click();
    await page.getByTestId('inspection-plans-page').waitFor();
    await page.getByRole('button', { name: '制定抽查计划' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('计划名称', { exact: true }).fill(planName);
    expect(await form.getByLabel('重点排污单位', { exact: true }).inputValue()).toBe('25.00');
    expect(await form.getByLabel('正面清单企业', { exact: true }).inputValue()).toBe('2.00');
    await form.getByLabel('事项代码 1', { exact: true }).fill('A1');
    await form.getByLabel('检查事项 1', { exact: true }).fill('污染防治设施运行情况');
    await form.getByRole('button', { name: '增加检查事项' }).click();
    await form.getByLabel('事项代码 2', { exact: true }).fill('A2');
    await form.getByLabel('检查事项 2', { exact: true }).fill('排污许可执行情况');
    await accessible();
    await form.getByRole('button', { name: spaced('制定') }).click();
    await form.waitFor({ state: 'hidden' });

    // Assess: the plan is listed, not drawn yet
    await planRow().waitFor();
    expect(await planRow().textContent()).toContain('排污许可执行情况');
    expect(await planRow().getByTestId('view-draw').count()).toBe(0);

    // Act: change an item before the draw
    await planRow()
      .getByRole('button', { name: `修改计划：${planName}` })
      .click();
    const change = page.getByRole('dialog');
    expect(await change.getByLabel('事项代码 2', { exact: true }).inputValue()).toBe('A2');
    await change.getByLabel('检查事项 2', { exact: true }).fill('排污许可证执行情况');
    await change.getByRole('button', { name: spaced('保存') }).click();
    await change.waitFor({ state: 'hidden' });

    // Assess: the plan as changed
    await eventually(() => planRow().textContent()).toContain('排污许可证执行情况');

    // Act: run its draw with a seed fixed publicly before
    await planRow()
      .getByRole('button', { name: `进行抽取：${planName}` })
      .click();
    const drawDialog = page.getByRole('dialog');
    expect(await drawDialog.textContent()).toContain('抽取前已公开确定');
    await drawDialog.getByLabel('随机种子（可选）', { exact: true }).fill(seed);
    await drawDialog.getByRole('button', { name: spaced('抽取') }).click();

    // Assess: the draw's page, verified, with its hash, seed, tally and the drawn firms with two inspectors each
    const verified = page.getByTestId('draw-verified');
    // The draw's function starts cold, and reading the draw runs it again: time for both.
    await verified.waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/inspections\/draws\/[0-9A-Z]{26}$/);
    expect(await verified.getAttribute('data-verified')).toBe('true');
    const hash = ((await page.getByTestId('snapshot-hash').textContent()) ?? '').trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verified.textContent()).toContain(hash);
    expect((await page.getByTestId('recomputed-hash').textContent())?.trim()).toBe(hash);
    await eventually(() => page.getByTestId('browser-hash-matches').getAttribute('data-value')).toBe('true');
    expect(await page.getByTestId('check-matches').getAttribute('data-value')).toBe('true');
    expect(await page.getByTestId('draw-seed').textContent()).toContain(seed);
    expect(await page.getByTestId('draw-seed-source').textContent()).toContain('抽取前公开确定');
    expect(await page.getByTestId('verify-command').textContent()).toMatch(/npm run verify-draw -- [0-9A-Z]{26}/);
    expect(await page.getByTestId('tally-total').textContent()).toBe('2');
    const drawn = page.getByTestId('drawn-table').locator('tr[data-uscc]');
    expect(await drawn.count()).toBe(2);
    for (const row of await drawn.all()) {
      expect(await row.getByTestId('drawn-inspector').count()).toBe(2);
      expect(await row.getAttribute('data-inspected')).toBe('false');
      expect(await row.getByRole('link', { name: /^录入检查记录：/ }).getAttribute('href')).toMatch(
        /^\/console\/inspections\/records\/new\?drawId=[0-9A-Z]{26}&uscc=[0-9A-Z]{18}$/,
      );
    }
    await screenshot(page, 'inspection-draw');
    await accessible();

    // Act: back to the plans
    await page.getByRole('link', { name: /返回抽查计划/ }).click();

    // Assess: the plan links to its draw, and the quarter's draws list it with its tally
    await planRow().getByTestId('view-draw').waitFor();
    const drawRow = page.getByTestId('draw-table').locator('tr[data-draw]');
    await eventually(() => drawRow.count()).toBe(1);
    expect(await drawRow.locator('[data-class="key-polluter"]').getAttribute('data-drawn')).toBe('1');
    expect(await drawRow.locator('[data-class="general"]').getAttribute('data-pool')).toBe('2');
    await screenshot(page, 'inspection-plans');
    await accessible();
  }, 240_000);

  it('lets a handler read the plans and the draw, without the plan form, the draw or the pool', async () => {
    // Act: a handler opens the plans page
    await signInAs('handler', '/console/inspections');
    await page.getByTestId('inspection-plans-page').waitFor();
    await planRow().getByTestId('view-draw').waitFor();

    // Assess: no form to make a plan, no draw to run
    expect(await page.getByRole('button', { name: '制定抽查计划' }).count()).toBe(0);
    expect(await page.getByTestId('plan-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /进行抽取/ }).count()).toBe(0);

    // Act: the pools page
    await page.getByRole('link', { name: '执法人员库与检查对象库' }).click();
    await page.getByTestId('inspection-pools-page').waitFor();

    // Assess: the pool is the planners', the firm pool counted from the draw
    expect(await page.getByTestId('inspector-pool').textContent()).toContain('仅督查督办人员和系统管理员');
    expect(await page.getByRole('button', { name: '纳入执法人员' }).count()).toBe(0);
    const keyPolluters = page.getByTestId('class-table').locator('tr[data-class="key-polluter"]');
    await eventually(() => keyPolluters.getByTestId('class-count').getAttribute('data-count')).toBe('1');
    await accessible();

    // Act: the draw, from the plans page
    await page.goBack();
    await planRow().getByTestId('view-draw').click();

    // Assess: verified, and the handler may record the inspections
    await eventually(() => page.getByTestId('draw-verified').getAttribute('data-verified')).toBe('true');
    expect(
      await page
        .getByTestId('drawn-table')
        .getByRole('link', { name: /^录入检查记录：/ })
        .count(),
    ).toBe(2);
  }, 120_000);
});
