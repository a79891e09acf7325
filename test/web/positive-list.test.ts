/**
 * The positive list in the browser: a firm registered at grade A through the API is among the candidates; a supervisor
 * enters it with a reason and sees it among the members with that reason; removed for a serious violation it leaves
 * the members, its profile shows the bar and both steps, and entering it again is refused with the API's reason.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, signIn, startWebRig, type WebRig } from './browser.ts';

const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

/** A code with the right check character (GB 32100-2015). */
const uscc = '911100001000080343';
const firm = '示范清单印刷有限公司';
const entryReason = '绩效 A 级，近一年无查实的违法问题';
const removalReason = '查实夜间偷排废气，属严重违法';

/** antd puts a space between the two characters of a two-character button: match either way. */
const button = (text: string) => new RegExp([...text].join('\\s*'));

describe('the positive list page', () => {
  let rig: WebRig;
  let page: Page;

  const register = async (body: Record<string, unknown>) => {
    const token = await localToken(rig.api, 'dispatcher');
    const response = await fetch(`${rig.api}/v1/enterprises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
  };
  const row = (testId: string) => page.getByTestId(testId).locator(`tr[data-uscc="${uscc}"]`);
  /** axe with the mouse out of the way (a hovered link has its lighter colour for a moment). */
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

  it('enters a qualifying firm with a reason, then removes it for a serious violation, barring it', async () => {
    // Prepare: an A-graded firm, registered through the API; a supervisor opens the list from the register
    await register({
      uscc,
      name: firm,
      industries: [{ code: 'C2319', label: '包装装潢及其他印刷' }],
      address: '城西街道印刷园 3 号',
      town: '城西街道',
      contacts: [],
      grade: 'A',
    });
    await signIn(page, 'supervisor', '/console/enterprises');
    await page.getByRole('button', { name: '正面清单' }).click();
    await page.getByTestId('positive-list-page').waitFor();
    expect(await page.getByTestId('positive-list-rules').textContent()).toContain('12 个月内无查实的违法问题');

    // Act: the candidates' tab, and enter the firm with a reason
    await page.getByRole('tab', { name: '符合条件未纳入' }).click();
    await eventually(() => row('positive-list-candidates').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('candidates');
    await accessible();
    await row('positive-list-candidates')
      .getByRole('button', { name: `纳入 ${firm}` })
      .click();
    const enter = page.getByRole('dialog');
    await enter.getByLabel('纳入理由').fill(entryReason);
    await enter.getByRole('button', { name: button('纳入') }).click();

    // Assess: gone from the candidates, among the members with its reason and who decided
    await eventually(() => row('positive-list-candidates').count()).toBe(0);
    await page.getByRole('tab', { name: '成员' }).click();
    await eventually(() => row('positive-list-members').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('tab')).toBeNull();
    expect(await row('positive-list-members').textContent()).toContain(entryReason);
    await screenshot(page, 'positive-list-members');
    await accessible();

    // Act: removed for a serious violation
    await row('positive-list-members')
      .getByRole('button', { name: `移出 ${firm}` })
      .click();
    const remove = page.getByRole('dialog');
    await remove.getByLabel('移出理由').fill(removalReason);
    await remove.getByRole('switch', { name: '因严重违法移出' }).click();
    await remove.getByRole('button', { name: button('移出') }).click();

    // Assess: no longer a member
    await eventually(() => row('positive-list-members').count()).toBe(0);

    // Act: entering it again, by its code
    await page.getByRole('button', { name: '按代码纳入企业' }).click();
    const again = page.getByRole('dialog');
    await again.getByLabel('统一社会信用代码').fill(uscc);
    await again.getByLabel('纳入理由').fill(entryReason);
    await again.getByRole('button', { name: button('纳入') }).click();

    // Assess: refused, the API naming the bar
    await eventually(() => page.getByTestId('enter-refused').textContent()).toContain('因严重违法被移出');
    await again.getByRole('button', { name: button('取消') }).click();

    // Act: the firm's profile
    await page.goto(`/console/enterprises/${uscc}`);
    await page.getByTestId('enterprise-page').waitFor();

    // Assess: removed, barred until a date, both steps with their reasons, newest first
    expect(await page.getByTestId('positive-list-status').getAttribute('data-status')).toBe('removed');
    expect(await page.getByTestId('positive-list-bar').textContent()).toMatch(/\d{4}-\d{2}-\d{2} 起方可再纳入/);
    const steps = page.getByTestId('positive-list-step');
    expect(await steps.count()).toBe(2);
    expect(await steps.nth(0).getAttribute('data-action')).toBe('remove');
    expect(await steps.nth(0).textContent()).toContain(removalReason);
    expect(await steps.nth(0).textContent()).toContain('严重违法');
    expect(await steps.nth(1).textContent()).toContain(entryReason);
    await screenshot(page, 'enterprise-positive-list-barred');
    await accessible();
  }, 180_000);
});
