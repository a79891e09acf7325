import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseList } from '../../web/src/api/schema.gen.ts';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, startWebRig, type WebRig } from './browser.ts';

/** Waits of `expect.poll` as long as a locator's: the machine may be busy. */
const soon = { timeout: 15_000 };

/** A 1×1 green PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNg2M0AAAKWAV0xRIbAAAAAAElFTkSuQmCC',
  'base64',
);

/** Picks an option of the antd Select labelled `label` by typing part of its name. */
const choose = async (page: Page, label: string, option: string) => {
  await page.getByLabel(label).click();
  await page.keyboard.type(option);
  await page.keyboard.press('Enter');
};

/** The form item (label, control and messages) of the field labelled `label`. */
const formItem = (page: Page, label: string) =>
  page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });

/**
 * The tracking form's button, 查 询 as antd spaces it. Anchored at the end only: a button that was loading keeps its
 * loading icon's name ("loading") before its text while the icon fades out, longer on a busy machine.
 */
const query = /查\s*询$/;

describe('the public pages', () => {
  let rig: WebRig;
  beforeAll(async () => {
    rig = await startWebRig();
  }, 120_000);
  afterAll(() => rig?.stop(), 60_000);

  /** Takes the case of `number` through the workflow to closed, with `reply` for the public. */
  const closeCase = async (number: string, reply: string) => {
    const dispatcher = await localToken(rig.api, 'dispatcher');
    const list = await fetch(`${rig.api}/v1/cases?channel=web`, { headers: { authorization: `Bearer ${dispatcher}` } });
    const found = ((await list.json()) as CaseList).items.find((item) => item.number === number);
    expect(found).toBeDefined();
    const id = found?.id ?? '';
    const act = async (username: string, action: string, body: object = {}) => {
      const token = await localToken(rig.api, username);
      const response = await fetch(`${rig.api}/v1/cases/${id}/actions/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, `${action}: ${await response.clone().text()}`).toBe(200);
    };
    await act('dispatcher', 'accept');
    await act('dispatcher', 'assign', {
      departmentId: 'east-enforcement',
      responsibleUsername: 'handler',
      leadUsername: 'lead',
    });
    await act('handler', 'sign');
    await act('handler', 'submit-result', { result: '现场检查属实，已责令停止夜间作业。', publicReply: reply });
    await act('lead', 'approve-result');
    const stored = await fetch(`${rig.api}/v1/cases/${id}`, { headers: { authorization: `Bearer ${dispatcher}` } });
    return (await stored.json()) as { complaint?: { attachments?: unknown[] } };
  };

  it('takes a complaint with a photo, shows its code and secret once, and tracks it with them', async () => {
    // Prepare
    const page = await rig.newPage();
    await page.goto('/');
    await page
      .getByRole('link', { name: /我要投诉/ })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).pathname, soon).toBe('/complaint');
    await choose(page, '污染类别', '噪声');
    await page.getByLabel('问题发生地点').fill('城东街道建设路 18 号旁');
    await page.getByLabel('所在乡镇（街道）').fill('城东街道');
    await page.getByLabel('涉及的企业或单位').fill('示范市宏达机械厂');
    await page.getByLabel('情况说明').fill('工厂每天夜里十一点以后还在切割钢材，噪声很大，附近居民无法入睡。');
    await page.locator('input[type=file]').setInputFiles({ name: 'noise.png', mimeType: 'image/png', buffer: png });
    await page.locator('.ant-upload-list-item-done').filter({ hasText: 'noise.png' }).waitFor();
    await page.getByLabel('姓名').fill('李女士');
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('请对我的身份保密').check();
    await screenshot(page, 'public-form');

    // Act
    const sent = page.waitForRequest((request) => request.url().endsWith('/v1/public/complaints'));
    await page.getByRole('button', { name: '提交投诉' }).click();

    // Assess: one key for the submission, and the receipt
    expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const code = (await page.getByTestId('tracking-code').textContent()) ?? '';
    const secret = (await page.getByTestId('tracking-secret').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{12}$/);
    expect(secret.length).toBeGreaterThanOrEqual(20);
    await page.getByText('查询密码只显示这一次').waitFor();
    const number = (await page.getByText(/^文号 GL-/).textContent())?.match(/GL-\d{4}-\d{6}/)?.[0] ?? '';
    expect(number).not.toBe('');
    await expectAccessible(page);

    // Act: follow it on the tracking page, the code filled in from the address
    await page.getByRole('button', { name: '查询办理进度' }).click();
    await expect.poll(() => new URL(page.url()).search, soon).toBe(`?code=${code}`);
    await page.getByRole('heading', { level: 1, name: '查询办理进度' }).waitFor();
    expect(await page.getByLabel('查询码', { exact: true }).inputValue()).toBe(code);
    await page.getByLabel('查询密码', { exact: true }).fill(secret);
    await page.getByRole('button', { name: query }).click();

    // Assess
    await expect.poll(() => page.getByTestId('tracking-state').textContent(), soon).toBe('已登记');
    const details = page.locator('section', { has: page.getByRole('heading', { name: '办理情况' }) });
    await details.getByText(number).waitFor();
    await details.getByText('噪声污染').waitFor();
    await details.getByText('受理决定期限', { exact: true }).waitFor();
    expect(page.url()).not.toContain(secret);
    await expectAccessible(page);

    // Act: the bureau handles and closes it; the complainant looks again
    const stored = await closeCase(number, '经查属实，已责令企业停止夜间作业并整改。');
    await page.getByRole('button', { name: query }).click();

    // Assess: the photo went with the complaint; the state, dates, progress and reply are shown
    expect(stored.complaint?.attachments).toHaveLength(1);
    await expect.poll(() => page.getByTestId('tracking-state').textContent(), soon).toBe('已办结');
    await page.getByTestId('tracking-reply').getByText('经查属实，已责令企业停止夜间作业并整改。').waitFor();
    for (const label of ['收到时间', '受理时间', '办结时间']) await details.getByText(label, { exact: true }).waitFor();
    for (const step of ['已登记', '已受理', '已派单', '办理中', '待审核']) {
      await details.locator('.ant-steps').getByText(step, { exact: true }).waitFor();
    }
    await screenshot(page, 'tracking-page');
    await expectAccessible(page);

    // A wrong secret is told apart from a wrong code by no one
    await page.getByLabel('查询密码', { exact: true }).fill('not-the-secret');
    await page.getByRole('button', { name: query }).click();
    await page.getByRole('alert').getByText('查询码或查询密码不正确').waitFor();
    expect(await page.getByTestId('tracking-state').count()).toBe(0);
  }, 120_000);

  it('puts what is missing and what the API refuses under the field, and tells a rate limit in Chinese', async () => {
    // Prepare
    const page = await rig.newPage();
    await page.goto('/complaint');
    await choose(page, '污染类别', '大气');
    await page.getByLabel('问题发生地点').fill('城西街道工业园 3 号');
    await page.getByLabel('联系电话').fill('12345');

    // Act: no description
    await page.getByRole('button', { name: '提交投诉' }).click();

    // Assess: the page's own check
    await formItem(page, '情况说明').getByText('请说明情况').waitFor();

    // Act: a description, the bad phone left for the API
    await page.getByLabel('情况说明').fill('工业园里有家工厂的烟囱一直冒黑烟，气味刺鼻。');
    await page.getByRole('button', { name: '提交投诉' }).click();

    // Assess
    await formItem(page, '联系电话').getByText('电话号码格式不正确').waitFor();
    await page.getByRole('alert').getByText('提交未成功').waitFor();
    await expect.poll(() => page.getByText('请说明情况').count(), soon).toBe(0);

    // Act: the rate limit answers (stood in for here: five submissions would spend the rig's limit)
    await page.getByLabel('联系电话').fill('0510-87654321');
    await expect.poll(() => page.getByText('电话号码格式不正确').count(), soon).toBe(0);
    const keys: string[] = [];
    await page.route('**/v1/public/complaints', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      await route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '240' },
        body: JSON.stringify({ type: 'about:blank', title: '请求过于频繁', status: 429 }),
      });
    });
    await page.getByRole('button', { name: '提交投诉' }).click();
    await page.getByRole('alert').getByText('提交过于频繁，请 4 分钟后再试').waitFor();
    await page.getByRole('button', { name: '提交投诉' }).click();

    // Assess: a retry of the same complaint carries the same key
    await expect.poll(() => keys.length, soon).toBe(2);
    expect(keys[0]).not.toBe('');
    expect(keys[1]).toBe(keys[0]);
  }, 90_000);

  it('is accessible on every public page, and speaks English when asked', async () => {
    const page = await rig.newPage();
    for (const path of ['/', '/complaint', '/track']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(page);
    }

    await page.goto('/complaint');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Kind of pollution').waitFor();
    await page.getByLabel('What happened').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Report a problem' }).waitFor();
    expect(await page.getByLabel('情况说明').count()).toBe(0);
    await expectAccessible(page);
  }, 90_000);
});
