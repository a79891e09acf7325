/**
 * The campaign pages in the browser: the petition office creates a campaign from a pasted task table — first with a
 * department the directory does not have, refused whole with the row named, then corrected — and the campaign page
 * shows its phases, its tasks (a blank department cell taken from the row above) and the tasks × weeks grid; a task's
 * weekly progress filed from the grid turns its cell filed, and as the local clock passes the due day the others turn
 * yellow, then red.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn, startWebRig, type WebRig } from './browser.ts';

/** expect.poll with time for a page to load. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

const table = (thirdDepartment: string) =>
  [
    '序号\t活动内容\t责任部门\t责任领导\t责任人\t备注',
    '1\t开展危险废物规范化管理检查\t固废科\t周伟\t黄瑞芝\t',
    '2\t组织突发环境事件应急演练\t\t\t\t',
    `3\t曝光反面典型案件\t${thirdDepartment}\t谢建东\t胡辉\t每月一次`,
  ].join('\n');

describe('the campaign pages', () => {
  let rig: WebRig;
  let page: Page;

  const setClock = async (now: string | null) => {
    const response = await fetch(`${rig.api}/local/clock`, { method: 'POST', body: JSON.stringify({ now }) });
    expect(response.status).toBe(200);
  };
  const cell = (task: number, week: string) => page.getByTestId(`grid-cell-${task}-${week}`);
  const cellStatus = (task: number, week: string) => cell(task, week).getAttribute('data-status');
  const reportStatus = (task: number) =>
    page
      .getByTestId('campaign-tasks')
      .locator(`tr[data-task="${task}"] [data-report-status]`)
      .getAttribute('data-report-status');
  /** Types a date range into the phase's range picker. */
  const phaseDates = async (index: number, from: string, to: string) => {
    await page.locator(`#phase-${index}-from`).click();
    await page.locator(`#phase-${index}-from`).fill(from);
    await page.keyboard.press('Enter');
    await page.locator(`#phase-${index}-to`).fill(to);
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    rig = await startWebRig();
    page = await rig.newPage();
  }, 120_000);
  afterAll(async () => {
    if (rig) await setClock(null).catch(() => undefined);
    await rig?.stop();
  }, 60_000);

  it('creates a campaign from a pasted task table, shows its tasks and grid, and colours the missing reports', async () => {
    // Prepare: Monday 1 June 2026 (the week's report is due Friday 5 June, red from Wednesday 10 June)
    await setClock('2026-06-01T09:00:00+08:00');
    await signIn(page, 'dispatcher', '/console');

    // Act: the petition office opens the campaigns from the menu and creates one with a department that does not exist
    await page.getByRole('link', { name: '专项行动' }).click();
    await page.getByTestId('campaign-list').waitFor();
    await page.getByRole('button', { name: '新建专项行动' }).click();
    await page.getByLabel('名称', { exact: true }).fill('“生态优先 环保惠民”主题实践活动');
    await phaseDates(0, '2026-06-01', '2026-06-07');
    await phaseDates(1, '2026-06-08', '2026-06-25');
    await phaseDates(2, '2026-06-26', '2026-06-30');
    await page.getByTestId('task-table').fill(table('宣传科'));
    await page.getByRole('button', { name: '创建专项行动' }).click();

    // Assess: refused whole, the bad row named with its reason; nothing created
    const refused = page.getByTestId('campaign-row-report');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('宣传科');
    expect(await refused.locator('tbody tr').count()).toBe(1);
    await page.mouse.move(0, 0);
    await expectAccessible(page);

    // Act: the department corrected
    await page.getByTestId('task-table').fill(table('宣教法制科'));
    await page.getByRole('button', { name: '创建专项行动' }).click();

    // Assess: the campaign page with its phases, three tasks and the grid of four report weeks
    await page.getByTestId('campaign-page').waitFor();
    expect(await page.getByTestId('campaign-created').textContent()).toContain('共 3 项任务');
    const phases = await page.getByTestId('campaign-phases').textContent();
    for (const name of ['动员部署阶段', '重点推进阶段', '总结提高阶段', '2026-06-26 至 2026-06-30']) {
      expect(phases).toContain(name);
    }
    const tasks = page.getByTestId('campaign-tasks');
    expect(await tasks.locator('tbody tr[data-task]').count()).toBe(3);
    const second = await tasks.locator('tr[data-task="2"] [data-testid="task-department"]').textContent();
    expect(second).toContain('固废科');
    expect(second).toContain('沿用上一行');
    expect(await tasks.locator('tr[data-task="3"]').textContent()).toContain('宣教法制科');
    const grid = page.getByTestId('campaign-grid');
    expect(await grid.locator('tbody tr[data-task]').count()).toBe(3);
    for (const week of ['2026-W23', '2026-W24', '2026-W25', '2026-W26']) {
      expect(await cellStatus(1, week), week).toBe('not-due');
    }
    await eventually(() => page.getByTestId('campaign-progress').textContent()).toContain('暂无进展');
    await screenshot(page, 'campaign-page');
    await page.mouse.move(0, 0);
    await expectAccessible(page);

    // Act: task 1's progress filed for this week from its grid cell
    await cell(1, '2026-W23').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('本周进展情况').fill('已完成辖区 12 家危废产生单位的现场检查，发现问题 3 个，已责令整改。');
    await dialog.getByRole('button', { name: /报\s*送/ }).click();

    // Assess: the cell is filed, and the note is listed
    await eventually(() => cellStatus(1, '2026-W23')).toBe('filed');
    await eventually(() => page.getByTestId('campaign-progress').textContent()).toContain('危废产生单位');

    // Act: Monday 8 June, after the due day, then Wednesday 10 June, beyond the two working days
    await setClock('2026-06-08T09:00:00+08:00');
    await page.reload();
    await page.getByTestId('campaign-grid').waitFor();

    // Assess: the tasks without a report are yellow, the one filed is not
    expect(await cellStatus(2, '2026-W23')).toBe('missing-yellow');
    expect(await cellStatus(3, '2026-W23')).toBe('missing-yellow');
    expect(await cellStatus(1, '2026-W23')).toBe('filed');
    expect(await reportStatus(2)).toBe('yellow');
    expect(await reportStatus(1)).toBe('up-to-date');

    await setClock('2026-06-10T09:00:00+08:00');
    await page.reload();
    await page.getByTestId('campaign-grid').waitFor();
    expect(await cellStatus(2, '2026-W23')).toBe('missing-red');
    expect(await reportStatus(3)).toBe('red');
    await screenshot(page, 'campaign-grid-red');

    // And the campaign is on the list
    await page.getByRole('link', { name: '专项行动列表' }).click();
    await eventually(() => page.getByTestId('campaign-list').textContent()).toContain('主题实践活动');
  }, 120_000);
});
