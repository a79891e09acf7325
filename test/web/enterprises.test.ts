/**
 * The enterprise and grading pages in the browser: the petition office registers a firm — a wrong USCC check character
 * shown under the code's field, then the right code — finds it by a name fragment (a one-character fragment refused
 * with the API's reason) and imports a sheet with a bad row, refused whole with that row named; a handler fills an
 * assessment under the example scheme (labelled as such) and sees the grade computed live with what holds it back, then
 * submits it; a supervisor accepts and publishes it from the review queue, and the profile shows the grade, its
 * history, and the grade distribution counts it. A complaint naming the firm shows on its profile.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, signIn, startWebRig, type WebRig } from './browser.ts';

const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

/** A code with the right check character (GB 32100-2015), and the same with the last character wrong. */
const uscc = '91350100M000100Y43';
const wrongUscc = '91350100M000100Y44';
const firm = '示范精密涂装有限公司';

/**
 * antd puts a space between the two characters of a two-character button: match either way. Not anchored: a button
 * that was loading keeps its loading icon's name ("loading") in its accessible name while the icon fades out.
 */
const button = (text: string) => new RegExp([...text].join('\\s*'));

const sheet = async (rows: readonly (readonly string[])[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('企业名录');
  worksheet.addRow(['统一社会信用代码', '企业名称', '行业代码', '行业名称', '地址', '乡镇（街道）']);
  for (const row of rows) worksheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

describe('the enterprise and grading pages', () => {
  let rig: WebRig;
  let page: Page;

  const signInAs = async (username: string, next: string) => {
    if (page.url().startsWith('http')) await page.evaluate(() => sessionStorage.clear());
    await signIn(page, username, next);
  };
  const liveGrade = () => page.getByTestId('live-grade').getAttribute('data-grade');
  const choose = (label: string) => page.getByRole('radio', { name: label }).check();
  const status = () => page.getByTestId('assessment-status').textContent();
  /** axe with the mouse out of the way (a link just clicked has its lighter hover colour, fading over 0.3 s). */
  const accessible = async () => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await expectAccessible(page);
  };

  beforeAll(async () => {
    rig = await startWebRig();
    page = await rig.newPage();
  }, 120_000);
  afterAll(async () => {
    await rig?.stop();
  }, 60_000);

  it('registers an enterprise, refusing a wrong USCC on its field, finds it by name and refuses a bad sheet by row', async () => {
    // Prepare
    await signInAs('dispatcher', '/console');
    await page.getByRole('navigation').getByRole('link', { name: '企业与分级' }).click();
    await page.getByRole('button', { name: '登记企业' }).click();

    // Act: a code with a wrong check character
    await page.getByLabel('统一社会信用代码').fill(wrongUscc);
    await page.getByLabel('企业名称').fill(firm);
    await page.getByLabel('行业代码').fill('C3360');
    await page.getByLabel('行业名称').fill('金属表面处理及热处理加工');
    await page.getByLabel('地址', { exact: true }).fill('城东街道工业园区 8 号');
    await page.getByLabel('乡镇（街道）').fill('城东街道');
    await page.getByRole('button', { name: button('登记') }).click();

    // Assess: the API's reason under the code's field, and still on the form
    await eventually(() => page.locator('#uscc_help').textContent()).toContain('校验码错误');
    expect(page.url()).toContain('/console/enterprises/new');
    await accessible();

    // Act: the right code
    await page.getByLabel('统一社会信用代码').fill(uscc);
    await page.getByRole('button', { name: button('登记') }).click();

    // Assess: the profile, not yet graded
    await page.getByTestId('enterprise-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/enterprises/${uscc}`);
    expect(await page.getByTestId('enterprise-grade').locator('[data-grade]').getAttribute('data-grade')).toBe('none');

    // Act: search by a fragment of the name, then by one character
    await page.getByRole('navigation').getByRole('link', { name: '企业与分级' }).click();
    await page.getByLabel('名称关键字').fill('精密涂装');
    await page.getByRole('button', { name: button('检索') }).click();

    // Assess: found, and the address holds the criterion
    await eventually(() => page.getByTestId('enterprise-results').locator(`tr[data-uscc="${uscc}"]`).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('精密涂装');
    await accessible();
    await page.getByLabel('名称关键字').fill('涂');
    await page.getByRole('button', { name: button('检索') }).click();
    await eventually(() => page.getByTestId('enterprise-search-error').textContent()).toContain('至少 2 个字');

    // Act: a sheet whose second firm has a wrong code
    await page.goto('/console/enterprises/import');
    await page.locator('input[type=file]').setInputFiles({
      name: '企业名录.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sheet([
        ['91350100M000100Y43', '重复登记的公司', 'C3360', '金属表面处理及热处理加工', '城东街道 1 号', '城东街道'],
        [wrongUscc, '另一家公司', 'C3360', '金属表面处理及热处理加工', '城东街道 2 号', '城东街道'],
      ]),
    });
    await page.getByTestId('import-file').waitFor();
    await page.getByRole('button', { name: '检查并导入' }).click();

    // Assess: refused whole, each bad row named (row 2 registered already, row 3 a wrong code)
    const report = page.getByTestId('import-row-report');
    await report.waitFor();
    expect(await report.locator('tr[data-row="3"]').textContent()).toContain('校验码错误');
    expect(await report.locator('tr[data-row="2"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'enterprise-import-refused');
  }, 120_000);

  it('fills an assessment with the grade computed live, then submits, accepts and publishes it', async () => {
    // Prepare: a handler opens the firm and starts an assessment under the scheme in force (the example)
    await signInAs('handler', `/console/enterprises/${uscc}`);
    await page.getByRole('button', { name: '新建评定' }).click();
    const dialog = page.getByRole('dialog');
    await eventually(() => dialog.getByText('工业涂装').count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: '新建草稿' }).click();
    await page.getByTestId('assessment-page').waitFor();
    expect(await page.getByTestId('example-scheme-alert').textContent()).toContain('示例，须替换为官方指标表');

    // Act: one indicator at D
    await choose('燃煤、生物质等');

    // Assess: D at once, that indicator holding it back with what C needs, the required ones still missing
    await eventually(liveGrade).toBe('D');
    const holding = await page.getByTestId('holding-back').textContent();
    expect(holding).toContain('烘干（固化）加热能源');
    expect(holding).toContain('C 级须满足');
    expect(await page.getByTestId('live-missing').textContent()).toContain('涂装工艺');

    // Act: every indicator answered at A but the coating process at C
    await choose('电、天然气或集中供热');
    await eventually(liveGrade).toBe('A');
    await choose('手工喷涂，在密闭喷漆房内进行');
    await page.getByRole('spinbutton', { name: '低 VOCs 含量涂料使用比例' }).fill('85');
    await choose('燃烧法（RTO、RCO、CO）');
    await page.getByRole('spinbutton', { name: '有组织排放 NMHC 浓度' }).fill('20');
    await choose('全过程密闭，废气全部收集处理');
    await choose('主要排放口安装在线监测并联网');
    await choose('环保档案齐全，台账记录完整');
    await choose('全部使用国五及以上排放标准或新能源车辆');

    // Assess: C, the coating process named with what B needs, and complete
    await eventually(liveGrade).toBe('C');
    const now = await page.getByTestId('holding-back').textContent();
    expect(now).toContain('涂装工艺');
    expect(now).toContain('B 级须满足');
    await page.getByTestId('live-complete').waitFor();
    await screenshot(page, 'assessment-live-grade');
    await accessible();

    // Act: submitted (saved first), then accepted and published by a supervisor from the review queue
    await page.getByRole('button', { name: '提交审核' }).click();
    await eventually(status).toBe('已提交待审核');
    await signInAs('supervisor', '/console/grading');
    await page.getByRole('link', { name: firm }).click();
    await page.getByTestId('assessment-page').waitFor();
    await page.getByRole('button', { name: '审核通过' }).click();
    await eventually(status).toBe('审核通过待发布');
    await page.getByRole('button', { name: '发布评级结果' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布评级结果' }).click();
    await eventually(status).toBe('已发布');

    // Assess: the profile's grade and history, with the example's label, and the distribution counting it
    await page.getByRole('link', { name: '返回企业' }).click();
    await page.getByTestId('enterprise-page').waitFor();
    await eventually(() =>
      page.getByTestId('enterprise-grade').locator('[data-grade]').getAttribute('data-grade'),
    ).toBe('C');
    expect(
      await page.getByTestId('grade-history').locator('[data-testid="grade-step"]').getAttribute('data-grade'),
    ).toBe('C');
    expect(await page.getByTestId('example-scheme').first().textContent()).toBe('示例，须替换为官方指标表');
    await accessible();
    await page.getByRole('navigation').getByRole('link', { name: '企业与分级' }).click();
    await page.getByRole('button', { name: /绩效分级/ }).click();
    await eventually(() => page.getByTestId('grade-distribution').getAttribute('data-summary')).toContain('C级 1');
    await screenshot(page, 'grade-distribution');
  }, 120_000);

  it('lists on the profile the complaints naming the firm', async () => {
    // Prepare: a hotline complaint naming the firm as its source
    const token = await localToken(rig.api, 'operator');
    const response = await fetch(`${rig.api}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        channel: 'hotline',
        place: { address: '城东街道建设路 20 号', town: '城东街道' },
        source: { name: firm, uscc },
        category: 'air',
        description: '涂装车间异味很重，傍晚尤其明显。',
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const created = (await response.json()) as { id: string; number: string };

    // Act
    await signInAs('supervisor', `/console/enterprises/${uscc}`);

    // Assess: the case listed with a link to it
    const listed = page.getByTestId('enterprise-cases').getByRole('link', { name: created.number });
    await eventually(() => listed.count()).toBe(1);
    expect(await listed.getAttribute('href')).toBe(`/console/cases/${created.id}`);
  }, 60_000);
});
