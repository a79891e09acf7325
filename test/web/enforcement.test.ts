/**
 * Inspection records and the enforcement ledger in the browser: a lead (who may not read the inspector pool) records an
 * ad hoc inspection through the form — an unregistered firm refused under its field first — with a violation finding
 * that files an enforcement case, and sees it among the quarter's records with a link to its case. On the enforcement
 * ledger the case is counted; the lead decides it with a fine of 12,345.67 yuan and transfers it to the police, and
 * the figures show one decision, the penalty total and one transfer, the recount agreeing. A case filed from the
 * ledger's form, changed by someone else while its step's form is open, is refused with a 409 said plainly.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, signIn, startWebRig, type WebRig } from './browser.ts';

/** expect.poll with time for a page to load. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

/**
 * A button's text as a pattern, whatever spacing antd puts between two Chinese characters. Not anchored at the start: a
 * button that was loading keeps its loading icon's name in its accessible name while the icon fades out, which under
 * load outlasted the test's wait (seen once in a full run: the second 录入 never matched).
 */
const spaced = (label: string) => new RegExp(`${[...label].join('\\s*')}$`);

/** Codes with the right check characters (GB 32100-2015): one registered, one not. */
const uscc = '91440300708461136T';
const unregistered = '911100001000080343';
const firm = '示范市某某家具制造有限公司';

const evidencePdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('inspection records and the enforcement ledger', () => {
  let rig: WebRig;
  let page: Page;
  let recordNumber = '';

  const setClock = async (now: string | null) => {
    const response = await fetch(`${rig.api}/local/clock`, { method: 'POST', body: JSON.stringify({ now }) });
    expect(response.status).toBe(200);
  };
  const apiAs = async (username: string, method: string, path: string, body: unknown) => {
    const token = await localToken(rig.api, username);
    return fetch(`${rig.api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  };
  /** Types `text` into a select and clicks the option holding `option` (in a tags select the typed text is one too). */
  const pick = async (label: string, text: string, option: string | RegExp = text) => {
    await page.getByLabel(label, { exact: true }).click();
    await page.keyboard.type(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };
  const closeDropdowns = async () => {
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  };
  const figure = (name: string) => page.getByTestId(`figure-${name}`).getAttribute('data-value');
  const caseRows = () => page.getByTestId('enforcement-cases').locator('tr[data-case-id]');
  /** Opens a step's form on a case's row, lets `fill` fill it in, and submits. */
  const step = async (row: ReturnType<Page['locator']>, label: string, fill: () => Promise<void>) => {
    await row.getByRole('button', { name: spaced(label) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill();
    await dialog.getByRole('button', { name: spaced('提交') }).click();
    await dialog.waitFor({ state: 'hidden' });
  };

  beforeAll(async () => {
    rig = await startWebRig();
    page = await rig.newPage();
    // The form and the ledger are long pages: time for them on a busy machine.
    page.setDefaultTimeout(30_000);
    // Tuesday 12 May 2026
    await setClock('2026-05-12T09:00:00+08:00');
    const registered = await apiAs('dispatcher', 'POST', '/v1/enterprises', {
      uscc,
      name: firm,
      industries: [{ code: 'C2110', label: '木质家具制造' }],
      address: '城东街道家具园 6 号',
      town: '城东街道',
      contacts: [],
    });
    expect(registered.status).toBe(201);
    for (const [username, certificateNumber] of [
      ['handler', '32050100011'],
      ['handler2', '32050100012'],
    ]) {
      const entered = await apiAs('supervisor', 'PUT', `/v1/inspection-plans/inspectors/${username}`, {
        certificateNumber,
      });
      expect(entered.status).toBe(200);
    }
  }, 180_000);
  afterAll(async () => {
    if (rig) await setClock(null).catch(() => undefined);
    await rig?.stop();
  }, 60_000);

  it('records an ad hoc inspection whose violation files a case, and lists it with a link to the case', async () => {
    // Prepare: a lead, who may record inspections but not read the inspector pool
    await signIn(page, 'lead', '/console/inspections/records');
    await page.getByRole('heading', { level: 1, name: '检查记录' }).waitFor();

    // Act: the form, first with a firm that is not registered
    await page.getByRole('button', { name: '录入检查记录' }).click();
    await page.getByTestId('inspection-form').waitFor();
    await page.getByTestId('pool-note').waitFor();
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(unregistered);
    await eventually(() => page.getByTestId('firm-name').textContent()).toBe('该企业未登记');
    await eventually(() => page.getByLabel('检查日期', { exact: true }).inputValue()).toBe('2026-05-12');
    await pick('执法人员', '薛峰', '（handler）');
    await pick('执法人员', '黄瑞芝', '（handler2）');
    await closeDropdowns();
    await page.getByLabel('检查事项', { exact: true }).click();
    await page.keyboard.type('A1');
    await page.keyboard.press('Enter');
    await closeDropdowns();
    await page.getByLabel('检查情况', { exact: true }).fill('喷漆车间废气收集设施未运行，现场有明显异味。');
    await page.getByRole('button', { name: '添加发现的问题' }).click();
    await page.getByLabel('问题描述 1', { exact: true }).fill('喷漆废气未经处理直接排放');
    await page.getByLabel('查实的违法行为（记入企业违法记录）', { exact: true }).check();
    await page.getByRole('radio', { name: '立案查处', exact: true }).check();
    await page.getByLabel('案由 1', { exact: true }).fill('未正常运行大气污染防治设施');
    await page.getByTestId('inspection-form').locator('input[type=file]').setInputFiles({
      name: '现场检查笔录.pdf',
      mimeType: 'application/pdf',
      buffer: evidencePdf,
    });
    await page.locator('.ant-upload-list-item-done').filter({ hasText: '现场检查笔录.pdf' }).waitFor();
    expect(await page.getByTestId('outcome-preview').textContent()).toBe('立案查处');
    await page.getByRole('button', { name: spaced('录入') }).click();

    // Assess: refused under the firm's field, with the API's words
    const firmError = page
      .locator('.ant-form-item', { has: page.getByLabel('统一社会信用代码', { exact: true }) })
      .locator('.ant-form-item-explain-error');
    await eventually(() => firmError.textContent()).toBe('该企业未登记');

    // Act: the registered firm
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(uscc);
    await eventually(() => page.getByTestId('firm-name').textContent()).toBe(firm);
    await page.mouse.move(0, 0);
    await screenshot(page, 'inspection-entry');
    await expectAccessible(page);
    await page.getByRole('button', { name: spaced('录入') }).click();

    // Assess: the quarter's records, naming the new record, with its case
    const notice = page.getByTestId('recorded-notice');
    await notice.waitFor();
    recordNumber = ((await notice.textContent()) ?? '').match(/JC-\d{8}-\w{6}/)?.[0] ?? '';
    expect(recordNumber).toMatch(/^JC-20260512-/);
    expect(new URL(page.url()).searchParams.get('period')).toBe('2026-Q2');
    const row = page.getByTestId('inspection-records').locator(`tr[data-number="${recordNumber}"]`);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(firm);
    expect(text).toContain('2026-05-12');
    expect(text).toContain('薛峰（监察大队）、黄瑞芝（固废科）');
    expect(text).toContain('立案查处');
    expect(text).toContain('公开期限');
    expect(await row.getByTestId('published-late').count()).toBe(0);
    await row.getByTestId('enforcement-link').waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, 'inspection-records');
    await expectAccessible(page);
  }, 180_000);

  it('counts the case, decides it with a fine, transfers it to the police, and the recount agrees', async () => {
    // Prepare: the case, from its link on the record
    const record = page.getByTestId('inspection-records').locator(`tr[data-number="${recordNumber}"]`);
    await record.getByTestId('enforcement-link').click();
    await page.getByRole('heading', { level: 1, name: '执法台账' }).waitFor();
    await eventually(() => figure('casesFiled')).toBe('1');
    expect(await figure('inspections')).toBe('1');
    expect(await figure('inspectorVisits')).toBe('2');
    expect(await figure('decisions')).toBe('0');
    const row = caseRows().first();
    expect(await caseRows().count()).toBe(1);
    expect(await row.getAttribute('aria-current')).toBe('true');
    expect(await row.textContent()).toContain('未正常运行大气污染防治设施');
    expect(await row.getByTestId('case-state').textContent()).toBe('已立案');
    expect(await row.getByTestId('docket-number').textContent()).toMatch(/^环立〔2026〕\d+号$/);

    // Act: the penalty decision
    await step(row, '处罚决定', async () => {
      await page.getByLabel('处罚决定书文号', { exact: true }).fill('示环罚〔2026〕12号');
      await page.getByLabel('罚款金额', { exact: true }).fill('12345.67');
      await page.getByLabel('处罚内容', { exact: true }).fill('罚款人民币壹万贰仟叁佰肆拾伍元陆角柒分，责令改正。');
    });

    // Assess
    await eventually(() => row.getAttribute('data-state')).toBe('decided');
    expect(await row.getByTestId('case-decision').textContent()).toContain('12,345.67');

    // Act: the transfer to the police
    await step(row, '移送', async () => {
      await page.getByRole('radio', { name: '公安机关', exact: true }).check();
      await page.getByLabel('移送理由', { exact: true }).fill('涉嫌环境污染犯罪，移送公安机关侦查。');
    });

    // Assess: the figures, and a recount that agrees
    await eventually(() => row.getByTestId('case-transfer').count()).toBe(1);
    expect(await row.getByTestId('case-transfer').textContent()).toContain('公安机关');
    await eventually(() => figure('transfers')).toBe('1');
    expect(await figure('decisions')).toBe('1');
    expect(await figure('casesFiled')).toBe('1');
    expect(await figure('penalty')).toBe('12345.67');
    expect(await page.getByTestId('figure-penalty').textContent()).toContain('12,345.67');
    await page.getByTestId('recount-button').click();
    const recount = page.getByTestId('enforcement-recount');
    await recount.waitFor();
    expect(await recount.getAttribute('data-matches')).toBe('true');
    expect(await recount.textContent()).toContain('一致');
    await page.mouse.move(0, 0);
    await screenshot(page, 'enforcement-ledger');
    await expectAccessible(page);
  }, 120_000);

  it('files a case from the ledger’s form, and says so plainly when the case changed under a step (409)', async () => {
    // Act: file a case from the inspection (no docket number to type: the system's)
    await page.getByRole('button', { name: spaced('立案') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByLabel('立案文号').count()).toBe(0);
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(uscc);
    await page.getByLabel('案由', { exact: true }).fill('未按规定设置危险废物识别标志');
    await pick('来源检查记录', recordNumber);
    await dialog.getByRole('button', { name: spaced('立案') }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Assess: two cases, the new one marked
    await eventually(() => caseRows().count()).toBe(2);
    await eventually(() => figure('casesFiled')).toBe('2');
    const filed = caseRows().filter({ hasText: '未按规定设置危险废物识别标志' });
    await eventually(() => filed.getAttribute('aria-current')).toBe('true');
    expect(await filed.textContent()).toContain('来自检查记录');
    const dockets = await caseRows().getByTestId('docket-number').allTextContents();
    expect(new Set(dockets).size).toBe(2);
    const id = (await filed.getAttribute('data-case-id')) ?? '';

    // Act: the form to close it is open when someone else decides it
    await filed.getByRole('button', { name: spaced('结案') }).click();
    await dialog.waitFor();
    await page.getByLabel('结案情况', { exact: true }).fill('已设置识别标志，结案。');
    const elsewhere = await apiAs('supervisor', 'POST', `/v1/enforcement-cases/${id}/steps`, {
      step: 'decide',
      on: '2026-05-12',
      decisionNumber: '示环罚〔2026〕13号',
      penaltyYuan: 0,
      summary: '警告，责令改正。',
      version: 1,
    });
    expect(elsewhere.status).toBe(200);
    await dialog.getByRole('button', { name: spaced('提交') }).click();

    // Assess: refused, said plainly, the ledger read again
    const conflict = page.getByTestId('step-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('案件已被他人修改');
    await eventually(() => filed.getAttribute('data-state')).toBe('decided');
    expect(await figure('casesClosed')).toBe('0');
    await page.mouse.move(0, 0);
    await expectAccessible(page);
  }, 120_000);
});
