/**
 * The rectification pages in the browser: the petition office registers a problem from the form, sees it on the ledger
 * in its colour (and not under another source), and the problem is closed out through the case page's action forms
 * by the people whose turn it is — the department applies with an uploaded evidence file, the office checks on site,
 * the lead signs off, the office publishes and strikes it off — the close-out steps advancing at each one, the ledger
 * showing it green at the end, and exporting it as Excel. A problem registered from a complaint's page links back to
 * the complaint, which lists it. A ledger with bad rows is refused whole, each row named, nothing imported; corrected
 * (an ambiguous department's name mapped to its unit on the import screen) it is imported. The menu of every role
 * with most entries holds the ledger's entry.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, signIn, startWebRig, type WebRig } from './browser.ts';

/** expect.poll with time for a page to load. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

/** A button's text as a pattern, whatever spacing antd puts between two Chinese characters. */
const spaced = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);

const evidencePdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('the rectification ledger and a problem’s close-out', () => {
  let rig: WebRig;
  let page: Page;

  const setClock = async (now: string | null) => {
    const response = await fetch(`${rig.api}/local/clock`, { method: 'POST', body: JSON.stringify({ now }) });
    expect(response.status).toBe(200);
  };
  const signInAs = async (username: string, next: string) => {
    if (page.url().startsWith('http')) await page.evaluate(() => sessionStorage.clear());
    await signIn(page, username, next);
  };
  const pick = async (label: string, text: string) => {
    await page.getByLabel(label, { exact: true }).click();
    await page.keyboard.type(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
    await eventually(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  };
  const stepsDone = () => page.getByTestId('close-out-steps').getAttribute('data-done');
  const caseState = () => page.getByTestId('case-state').textContent();
  const actionButtons = async () =>
    (await page.getByTestId('case-actions').getByRole('button').allTextContents()).map((text) =>
      text.replace(/\s/g, ''),
    );
  /** Opens an action's form, lets `fill` fill it in, submits, and waits for the close-out steps taken. */
  const act = async (label: string, done: number, fill?: () => Promise<void>) => {
    await page
      .getByTestId('case-actions')
      .getByRole('button', { name: spaced(label) })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fill) await fill();
    await dialog.getByRole('button', { name: spaced('提交') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(stepsDone).toBe(String(done));
  };
  const ledgerRow = (number: string) => page.getByTestId('problem-table').locator('tr', { hasText: number });
  /** Waits for the ledger's problems to be read (its counts stop being busy). */
  const ledgerLoaded = () => page.locator('[data-testid="problem-counts"][aria-busy="false"]').waitFor();

  beforeAll(async () => {
    rig = await startWebRig();
    page = await rig.newPage();
  }, 120_000);
  afterAll(async () => {
    if (rig) await setClock(null).catch(() => undefined);
    await rig?.stop();
  }, 60_000);

  it('registers a problem from the form, shows it on the ledger in its colour, and closes it out step by step', async () => {
    // Prepare: Monday 7 September 2026
    await setClock('2026-09-07T09:00:00+08:00');
    await signInAs('dispatcher', '/console');

    // Act: the petition office opens the ledger from the menu and registers a problem
    await page.getByRole('link', { name: '整改台账' }).click();
    await ledgerLoaded();
    const blueBefore = Number(
      await page.getByTestId('problem-counts').locator('button[data-colour="blue"]').getAttribute('data-count'),
    );
    await page.getByRole('button', { name: '登记整改问题' }).click();
    await page.getByTestId('problem-form').waitFor();
    await pick('问题来源', '中央生态环境保护督察');
    await page.getByLabel('督察批次或交办文号', { exact: true }).fill('第二轮中央督察交办第 12 批');
    await page
      .getByLabel('问题描述', { exact: true })
      .fill('城东工业园区部分企业危险废物露天堆放，未采取防雨防渗措施，群众反映强烈。');
    await page
      .getByLabel('整改措施', { exact: true })
      .fill('责令企业清运露天堆放的危险废物，建设规范贮存库，建立管理台账并定期检查。');
    await page.getByRole('button', { name: '添加整改节点' }).click();
    await page.getByLabel('节点日期 1', { exact: true }).click();
    await page.getByLabel('节点日期 1', { exact: true }).fill('2026-10-15');
    await page.keyboard.press('Enter');
    await page.getByLabel('节点内容 1', { exact: true }).fill('完成危险废物清运');
    await pick('责任单位（科室）', '城东分局 / 监察大队');
    await pick('责任人', 'handler');
    await pick('责任领导', 'lead');
    await pick('整改时限类型', '限期整改（中期）');
    await page.mouse.move(0, 0);
    await screenshot(page, 'rectification-new');
    await expectAccessible(page);
    await page.getByRole('button', { name: spaced('登记') }).click();

    // Assess: the problem's page, assigned, with its fields and no close-out step yet
    const heading = page.getByRole('heading', { level: 1, name: /^GL-ZG-/ });
    await heading.waitFor();
    const number = (await heading.textContent()) ?? '';
    const path = new URL(page.url()).pathname;
    expect(await caseState()).toBe('已派单');
    expect(await page.getByTestId('problem-source').textContent()).toBe('中央生态环境保护督察');
    expect(await page.getByTestId('problem-band').textContent()).toBe('限期整改（中期）');
    expect(await page.getByTestId('plan-measures').textContent()).toContain('建设规范贮存库');
    expect(await page.getByTestId('plan-milestones').textContent()).toContain('2026-10-15');
    expect(await stepsDone()).toBe('0');

    // Act: the ledger, then the ledger filtered by another source (kept in the URL)
    await page.goto('/console/rectification?source=central-inspection');
    await ledgerRow(number).waitFor();

    // Assess: in blue, counted
    expect(await ledgerRow(number).getAttribute('data-colour')).toBe('blue');
    await eventually(async () =>
      Number(await page.getByTestId('problem-counts').locator('button[data-colour="blue"]').getAttribute('data-count')),
    ).toBeGreaterThanOrEqual(Math.max(blueBefore, 1));
    await page.goto('/console/rectification?source=self-check');
    await ledgerLoaded();
    expect(await page.getByTestId('problems-shown').textContent()).toBe('共 0 个问题');
    expect(await ledgerRow(number).count()).toBe(0);

    // Act: the department signs for it and applies to close it out with an evidence file
    await signInAs('handler', path);
    await page.getByRole('heading', { level: 1, name: number }).waitFor();
    expect(await actionButtons()).not.toContain('申请销号');
    await page
      .getByTestId('case-actions')
      .getByRole('button', { name: spaced('签收') })
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: spaced('提交') })
      .click();
    await eventually(caseState).toBe('办理中');
    await act('申请销号', 1, async () => {
      await page.getByLabel('整改完成情况', { exact: true }).fill('露天堆放的危险废物已全部清运，贮存库已建成投用。');
      await page.getByRole('dialog').locator('input[type=file]').setInputFiles({
        name: '清运照片及贮存库验收.pdf',
        mimeType: 'application/pdf',
        buffer: evidencePdf,
      });
      await page
        .getByRole('dialog')
        .locator('.ant-upload-list-item-done')
        .filter({ hasText: '清运照片及贮存库验收.pdf' })
        .waitFor();
    });

    // Assess: applied, with its evidence
    expect(await caseState()).toBe('待审核');
    expect(await page.getByTestId('close-out-evidence').textContent()).toContain('清运照片及贮存库验收.pdf');

    // Act: the petition office checks on site (the day is today's unless changed)
    await signInAs('dispatcher', path);
    await page.getByRole('heading', { level: 1, name: number }).waitFor();
    await act('现场核查', 2, async () => {
      await page.getByLabel('核查人员', { exact: true }).fill('陈静、薛峰');
      await page.getByLabel('核查情况', { exact: true }).fill('现场无露天堆放，贮存库防雨防渗到位，台账完整。');
      await page.getByRole('radio', { name: '通过', exact: true }).check();
    });

    // Act: the lead signs off
    await signInAs('lead', path);
    await page.getByRole('heading', { level: 1, name: number }).waitFor();
    await act('签字确认', 3);

    // Act: the petition office publishes it, then strikes it off
    await signInAs('dispatcher', path);
    await page.getByRole('heading', { level: 1, name: number }).waitFor();
    await act('公示', 4, async () => {
      await page.getByLabel('公示方式或网址', { exact: true }).fill('县生态环境局网站');
    });
    expect(await page.getByTestId('publication-end').textContent()).toMatch(
      /^公示至 2026-\d{2}-\d{2}（\d+ 个工作日）$/,
    );
    await act('销号', 5);

    // Assess: closed, green, a look-back scheduled; the ledger shows it green and struck off
    expect(await caseState()).toBe('已办结');
    await eventually(() => page.getByTestId('case-colour').locator('[data-colour]').getAttribute('data-colour')).toBe(
      'green',
    );
    expect(await page.getByTestId('look-backs').textContent()).toContain('待进行');
    expect(await actionButtons()).toEqual(['回头看']);
    await screenshot(page, 'rectification-problem');
    await expectAccessible(page);
    await page.getByRole('link', { name: '整改台账' }).click();
    await ledgerRow(number).waitFor();
    await eventually(() => ledgerRow(number).getAttribute('data-colour')).toBe('green');
    expect(await ledgerRow(number).textContent()).toContain('已销号');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-ledger').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await screenshot(page, 'rectification-ledger');
    await expectAccessible(page);
  }, 240_000);

  it('registers a problem from a complaint’s page, the two linked both ways', async () => {
    // Prepare: a complaint
    const token = await localToken(rig.api, 'operator');
    const response = await fetch(`${rig.api}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        channel: 'hotline',
        category: 'air',
        complainant: { name: '张先生', phone: '13912345678' },
        place: { address: '城东街道化工路 9 号', town: '城东街道' },
        description: '化工厂烟囱夜间冒黄烟，气味刺鼻，已持续一周。',
      }),
    });
    expect(response.status).toBe(201);
    const complaint = (await response.json()) as { id: string; number: string };

    // Act: from the complaint's page, the petition office registers a problem (nobody named yet: assigned later)
    await signInAs('dispatcher', `/console/cases/${complaint.id}`);
    await page.getByRole('heading', { level: 1, name: complaint.number }).waitFor();
    await page.getByRole('button', { name: '据此登记整改问题' }).click();
    await page.getByTestId('problem-form').waitFor();
    await eventually(() => page.getByLabel('来源信访件', { exact: true }).inputValue()).toBe(complaint.id);
    await page.getByText(`来源信访件：${complaint.number}`).waitFor();
    await page
      .getByLabel('问题描述', { exact: true })
      .fill('化工厂废气处理设施运行不正常，夜间无组织排放，群众多次投诉。');
    await page.getByLabel('整改措施', { exact: true }).fill('责令停产整治废气处理设施，安装在线监测并联网。');
    await pick('责任单位（科室）', '城东分局 / 监察大队');
    await pick('整改时限类型', '立行立改（短期）');
    await page.getByRole('button', { name: spaced('登记') }).click();

    // Assess: the problem from a complaint, to be assigned, linking back
    const heading = page.getByRole('heading', { level: 1, name: /^GL-ZG-/ });
    await heading.waitFor();
    const number = (await heading.textContent()) ?? '';
    expect(await caseState()).toBe('已受理');
    expect(await page.getByTestId('problem-source').textContent()).toBe('信访投诉');
    expect(await page.getByTestId('problem-from-case').textContent()).toBe(complaint.number);
    expect(await actionButtons()).toContain('派单');

    // Act: back to the complaint by its link
    await page.getByTestId('problem-from-case').click();
    await page.getByRole('heading', { level: 1, name: complaint.number }).waitFor();

    // Assess: the complaint lists the problem made from it
    await eventually(() => page.getByTestId('linked-problems').textContent()).toContain(number);
    await page.mouse.move(0, 0);
    await expectAccessible(page);
  }, 120_000);

  it('has the ledger in the menu of the roles with most entries, not folded away', async () => {
    for (const username of ['admin', 'supervisor', 'dispatcher']) {
      // Act
      await signInAs(username, '/console/cases');

      // Assess
      const entry = page.getByRole('navigation').getByRole('link', { name: '整改台账' });
      await entry.waitFor();
      expect(await entry.isVisible(), username).toBe(true);
    }
    await signInAs('operator', '/console/cases');
    expect(await page.getByRole('navigation').getByRole('link', { name: '整改台账' }).count()).toBe(0);
  }, 60_000);

  it('refuses a ledger with bad rows whole, naming each row, then imports it corrected', async () => {
    // Prepare: a ledger whose first row names a department the directory has twice, and whose second an unknown source
    await signInAs('dispatcher', '/console/rectification');
    await ledgerLoaded();
    const count = async () => Number((await page.getByTestId('problems-shown').textContent())?.match(/\d+/)?.[0]);
    const before = await count();
    const rows = [
      {
        number: '1',
        source: '中央督察',
        description: '城东河道沿岸存在生活垃圾倾倒点。',
        department: '监察大队',
        measures: '清理垃圾倾倒点并设置监控。',
        deadline: '立行立改',
      },
      {
        number: '2',
        source: '外星督察',
        description: '某砖厂无组织排放粉尘。',
        measures: '安装喷淋抑尘设施。',
        deadline: '中期',
      },
    ];

    // Act
    await page.getByRole('button', { name: '导入整改台账' }).click();
    await page.getByRole('tab', { name: '粘贴 JSON 行' }).click();
    await page.getByLabel('JSON 行', { exact: true }).fill(JSON.stringify(rows));
    await page.getByRole('button', { name: spaced('导入') }).click();

    // Assess: refused whole, each bad row named with its reason
    const report = page.getByTestId('import-row-report');
    await report.waitFor();
    expect(await report.locator('tbody tr[data-row="1"]').first().textContent()).toContain('监察大队');
    expect(await report.locator('tbody tr[data-row="2"]').first().textContent()).toContain('外星督察');
    await page.mouse.move(0, 0);
    await screenshot(page, 'rectification-import-refused');
    await expectAccessible(page);
    await page.getByRole('link', { name: '返回整改台账' }).click();
    await ledgerLoaded();
    expect(await count()).toBe(before);

    // Act: corrected — the source fixed, the department's name mapped to its unit
    await page.getByRole('button', { name: '导入整改台账' }).click();
    await page.getByRole('tab', { name: '粘贴 JSON 行' }).click();
    const corrected = [rows[0], { ...rows[1], source: '自查' }];
    await page.getByLabel('JSON 行', { exact: true }).fill(JSON.stringify(corrected));
    await page.getByRole('button', { name: '添加对照' }).click();
    await page.getByLabel('台账中的名称 1', { exact: true }).fill('监察大队');
    await pick('对应科室 1', '城东分局 / 监察大队');
    await page.getByRole('button', { name: spaced('导入') }).click();

    // Assess: both problems (the second with the department of the row above), to be assigned: no people named
    const imported = page.getByTestId('import-report');
    await imported.waitFor();
    expect(await imported.textContent()).toContain('已导入 2 个问题');
    expect(await imported.locator('tbody tr').count()).toBe(2);
    expect(await imported.locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/GL-ZG-.*待派单/),
      expect.stringMatching(/GL-ZG-.*待派单/),
    ]);
    await page.getByRole('link', { name: '返回整改台账' }).click();
    await ledgerLoaded();
    expect(await count()).toBe(before + 2);
  }, 120_000);
});
