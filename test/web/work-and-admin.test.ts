/**
 * The console's work pages: hotline intake by keyboard alone (with the duplicate warning), the case list's URL
 * filters and cursor pages, my work, and the admin pages (policies, the 2026 calendar and the survey settings) for an
 * admin and for a supervisor, who reads only. axe runs on each.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, signIn, startWebRig, type WebRig } from './browser.ts';

/** expect.poll with time for a page to load (its default second is too short on a busy machine). */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** The API's survey settings until an admin saves others. */
const defaultSurveySettings = { reminderAfterDays: 3, expiryDays: 15, maxCallAttempts: 3 };

interface CaseRef {
  id: string;
  number: string;
  state: string;
}

describe('the console: hotline intake, case list, my work and administration', () => {
  let rig: WebRig;
  const call = async (username: string, path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${rig.api}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${await localToken(rig.api, username)}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const complain = async (address: string, category = 'air') => {
    const { status, body } = await call('operator', '/v1/complaints', {
      method: 'POST',
      body: {
        channel: 'letter',
        complainant: { name: '张先生', phone: '13800001111' },
        place: { address, town: '城西街道' },
        category,
        description: '附近工厂排放黑烟，气味刺鼻，影响周边居民。',
      },
    });
    expect(status).toBe(201);
    return body as unknown as CaseRef;
  };
  const newPage = async () => {
    const page = await rig.newPage();
    page.on('pageerror', (error) => console.error('pageerror', error));
    return page;
  };
  /**
   * Signs in. The runtime rebuilds the console when web/ changes (as when several people work on it at once), and a
   * page loaded from the build before then cannot fetch its chunks: it is loaded again, once.
   */
  const enter = async (page: Page, username: string, next: string) => {
    try {
      await signIn(page, username, next);
    } catch (error) {
      if (!(await page.getByText('Failed to fetch dynamically imported module').count())) throw error;
      await page.reload();
      await page.getByTestId('signed-in-user').waitFor();
    }
  };
  const numbersOn = async (page: Page) => page.getByTestId('case-number').allTextContents();
  const focusedId = (page: Page) => page.evaluate<string>("document.activeElement?.id ?? ''");
  /** The survey settings' three figures as the page shows them. */
  const surveyFigures = (page: Page) =>
    Promise.all(
      ['reminderAfterDays', 'expiryDays', 'maxCallAttempts'].map((name) =>
        page.getByTestId(`survey-setting-${name}`).textContent(),
      ),
    );

  beforeAll(async () => {
    rig = await startWebRig();
  }, 120_000);
  afterAll(() => rig?.stop(), 60_000);

  let hotlineNumber = '';

  it('records a hotline call with the keyboard alone, shows its number, and warns of a duplicate on the next', async () => {
    // Prepare
    const page = await newPage();
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/v1/complaints')) {
        keys.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    await enter(page, 'operator', '/console/hotline');
    await page.getByRole('heading', { level: 1, name: '热线登记' }).waitFor();
    await eventually(() => focusedId(page)).toBe('complainant_name');

    // Act: no clicks from here on
    const type = async (text: string) => page.keyboard.type(text);
    await type('王先生');
    await page.keyboard.press('Tab');
    await type('13900001111');
    await page.keyboard.press('Tab');
    await type('wang@example.com');
    await page.keyboard.press('Tab'); // 匿名投诉
    await page.keyboard.press('Tab'); // 要求对身份保密
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // 污染类别: type-ahead, Enter picks
    await type('噪声');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // 乡镇（街道）
    await type('城东街道');
    await page.keyboard.press('Tab'); // 地点
    await type('城东街道建设路 18 号');
    await page.keyboard.press('Tab'); // 被反映企业
    await type('示范机械厂');
    await page.keyboard.press('Tab'); // 统一社会信用代码
    await page.keyboard.press('Tab'); // 问题描述
    await type('工厂夜间持续作业，噪声很大，影响居民休息。');
    expect(await focusedId(page)).toBe('description');
    await screenshot(page, 'hotline-form');
    await page.keyboard.press('Control+Enter');

    // Assess: the number, the case behind it, a cleared form with the focus back on the first field
    const number = page.getByTestId('new-number');
    await number.waitFor();
    hotlineNumber = (await number.textContent()) ?? '';
    expect(hotlineNumber).toMatch(/^GL-\d{4}-\d{6}$/);
    await eventually(() => focusedId(page)).toBe('complainant_name');
    expect(await page.locator('#description').inputValue()).toBe('');
    const listed = await call('dispatcher', '/v1/cases?limit=100');
    const items = listed.body.items as (CaseRef & { category: string; channel: string; town: string })[];
    const created = items.find((item) => item.number === hotlineNumber);
    expect(created).toMatchObject({ state: 'registered', category: 'noise', channel: 'hotline', town: '城东街道' });
    const read = await call('dispatcher', `/v1/cases/${created?.id}`);
    expect(read.body).toMatchObject({
      complaint: { place: { address: '城东街道建设路 18 号' }, source: { name: '示范机械厂' } },
    });
    expect(await page.getByTestId('duplicate-warning').count()).toBe(0);

    // Act: the same matter again, saved with Enter in a one-line field
    await type('李女士');
    await page.keyboard.press('Tab');
    await type('13700002222');
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab'); // email, 匿名, 保密 → 污染类别
    await type('噪声');
    await page.keyboard.press('Tab'); // Tab picks the type-ahead's option and moves on, to 乡镇（街道）
    expect(await focusedId(page)).toBe('place_town');
    await type('城东街'); // the first call's town is suggested: ArrowDown and Enter pick it
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.locator('#place_town').inputValue()).toBe('城东街道');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('place_address');
    await type('城东街道建设路18号');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // 问题描述
    await type('建设路那家工厂晚上还在开机器，吵得睡不着。');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab'); // back to 地点
    expect(await focusedId(page)).toBe('place_address');
    await page.keyboard.press('Enter');

    // Assess: the warning names the first case, linked
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(hotlineNumber);
    expect(await warning.textContent()).toContain('同一地点');
    expect(await warning.getByRole('link', { name: hotlineNumber }).getAttribute('href')).toBe(
      `/console/cases/${created?.id}`,
    );
    const second = (await page.getByTestId('new-number').textContent()) ?? '';
    expect(second).not.toBe(hotlineNumber);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await screenshot(page, 'hotline-duplicate');
    await expectAccessible(page);
  }, 120_000);

  it('filters the case list from the URL and the filters, and pages through it with the cursor', async () => {
    // Prepare: five letters about air (plus the two hotline calls), one of them accepted
    const letters: CaseRef[] = [];
    for (const street of ['一', '二', '三', '四', '五']) letters.push(await complain(`城西街道工业园${street}路 1 号`));
    const accepted = letters[0] as CaseRef;
    expect(
      (await call('dispatcher', `/v1/cases/${accepted.id}/actions/accept`, { method: 'POST', body: {} })).status,
    ).toBe(200);
    const page = await newPage();
    await enter(page, 'dispatcher', '/console/cases?state=registered&limit=2');
    await page.getByRole('heading', { level: 1, name: '事项查询' }).waitFor();

    // Act + Assess: registered cases, two a page, newest first, as the API lists them
    const registered = ((await call('dispatcher', '/v1/cases?state=registered&limit=100')).body.items as CaseRef[]).map(
      (item) => item.number,
    );
    expect(registered.length).toBeGreaterThanOrEqual(5);
    expect(registered.slice(0, 4)).toEqual(
      [letters[4], letters[3], letters[2], letters[1]].map((item) => item?.number),
    );
    const pages = Array.from({ length: Math.ceil(registered.length / 2) }, (_, index) =>
      registered.slice(index * 2, index * 2 + 2),
    );
    const next = page.getByRole('button', { name: '下一页' });
    const previous = page.getByRole('button', { name: '上一页' });
    await eventually(() => numbersOn(page)).toEqual(pages[0]);
    expect(await previous.isDisabled()).toBe(true);
    for (const expected of pages.slice(1)) {
      await next.click();
      await eventually(() => numbersOn(page)).toEqual(expected);
      expect(new URL(page.url()).searchParams.get('cursor')).toBeTruthy();
    }
    expect(pages.flat()).toContain(hotlineNumber);
    if (!(await next.isDisabled())) {
      // A full last page may still carry a cursor (the API cannot know that nothing follows): it leads to no more
      await next.click();
      await page.getByText('没有更多事项').waitFor();
      await eventually(() => next.isDisabled()).toBe(true);
      await previous.click();
      await eventually(() => numbersOn(page)).toEqual(pages.at(-1));
    }
    for (const expected of pages.slice(0, -1).reverse()) {
      await previous.click();
      await eventually(() => numbersOn(page)).toEqual(expected);
    }
    expect(await previous.isDisabled()).toBe(true);
    expect(new URL(page.url()).searchParams.get('cursor')).toBeNull();
    await expectAccessible(page);

    // Act: change the state filter in the form
    await page.getByLabel('状态').click();
    await page.keyboard.type('已受理');
    await page.keyboard.press('Enter');

    // Assess: the URL keeps it, the list shows the accepted case only
    await eventually(() => new URL(page.url()).searchParams.get('state')).toBe('accepted');
    await eventually(() => numbersOn(page)).toEqual([accepted.number]);
    await screenshot(page, 'case-list');

    // A bookmarked filter (category) opens filtered
    await page.goto('/console/cases?category=noise');
    await eventually(async () => (await numbersOn(page)).length).toBe(2);
    expect(await numbersOn(page)).toContain(hotlineNumber);
  }, 120_000);

  it('lists the registered cases in the dispatcher’s work', async () => {
    // Prepare
    const page = await newPage();
    const registered = ((await call('dispatcher', '/v1/cases?state=registered&limit=100')).body.items as CaseRef[]).map(
      (item) => item.number,
    );
    expect(registered.length).toBeGreaterThan(0);

    // Act
    await enter(page, 'dispatcher', '/console/my-work');
    await page.getByRole('heading', { level: 1, name: '我的待办' }).waitFor();

    // Assess
    const group = page.getByTestId('my-work-dispatch');
    await expect
      .poll(async () => (await group.getByTestId('case-number').allTextContents()).sort())
      .toEqual(registered.sort());
    expect(await group.textContent()).toContain(`${registered.length} 件`);
    await screenshot(page, 'my-work');
    await expectAccessible(page);
  }, 120_000);

  it('shows the policies and the 2026 calendar to an admin, who may edit them', async () => {
    // Prepare
    const page = await newPage();

    // Act
    await enter(page, 'admin', '/console/admin/policies');

    // Assess: the policies
    await page.getByRole('heading', { level: 1, name: '办理时限' }).waitFor();
    await page.getByText('《信访工作条例》默认时限').waitFor();
    expect(await page.getByText('第 1 版').first().isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: /15 个自然日/ }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('edit-policies').isVisible()).toBe(true);
    await screenshot(page, 'admin-policies');
    await expectAccessible(page);

    // Act: save the policies unchanged as the next version
    await page.getByTestId('edit-policies').click();
    await page.getByRole('dialog').getByRole('button', { name: '保存为新版本', exact: true }).click();

    // Assess
    await page.getByText('已保存为第 2 版').waitFor();
    const saved = await call('admin', '/v1/admin/time-limit-policies');
    expect(saved.body).toMatchObject({ current: { version: 2, updatedBy: 'admin' } });

    // Act: the calendar
    await page.goto('/console/admin/calendar?year=2026');
    await page.getByRole('heading', { level: 1, name: '节假日与调休' }).waitFor();
    const list = page.getByTestId('calendar-list');
    await list.getByText('国庆节').first().waitFor();
    await list
      .getByRole('listitem')
      .filter({ hasText: '国庆节' })
      .filter({ hasText: '放假' })
      .first()
      .getByRole('button', { name: '在日历中查看' })
      .click();

    // Assess
    expect(await page.getByTestId('calendar-month').textContent()).toBe('2026 年 10 月');
    expect(await page.locator('[data-date="2026-10-01"][data-kind="holiday"]').textContent()).toContain('国庆节');
    expect(await page.getByTestId('calendar-source').textContent()).toBe('节假日库');
    expect(await page.getByTestId('edit-calendar').isVisible()).toBe(true);
    await page.mouse.move(0, 0); // no hover colours
    await screenshot(page, 'admin-calendar');
    await expectAccessible(page);
  }, 120_000);

  it('shows a supervisor the policies and the calendar without an edit button', async () => {
    const page = await newPage();
    await enter(page, 'supervisor', '/console/admin/policies');
    await page.getByText('《信访工作条例》默认时限').waitFor();
    expect(await page.getByTestId('edit-policies').count()).toBe(0);
    await page.goto('/console/admin/calendar?year=2026');
    await page.getByTestId('calendar-list').getByText('国庆节').first().waitFor();
    expect(await page.getByTestId('edit-calendar').count()).toBe(0);
    await expectAccessible(page);
  }, 120_000);

  it('shows the survey settings to an admin, who changes them, with the API’s refusal on the field', async () => {
    // Prepare: the defaults go back afterwards, whatever happens, for the other tests
    onTestFinished(async () => {
      const reset = await call('admin', '/v1/admin/survey-settings', { method: 'PUT', body: defaultSurveySettings });
      expect(reset).toEqual({ status: 200, body: defaultSurveySettings });
    });
    const page = await newPage();

    // Act
    await enter(page, 'admin', '/console/admin/survey-settings');

    // Assess: the defaults, each explained
    await page.getByRole('heading', { level: 1, name: '回访设置' }).waitFor();
    await eventually(() => surveyFigures(page)).toEqual(['3 天', '15 天', '3 个工作日']);
    await page.getByText('办结后几天内可评价（逾期计为“未评价”，不计为满意；只用于此后新建的回访）').waitFor();
    await page.getByText('电话回访在几个不同工作日未接通后计为“无法联系”（对进行中的回访也立即生效）').waitFor();
    // The administration pages are under one menu entry, 系统管理.
    expect(await page.getByRole('navigation').getByRole('menuitem', { name: '系统管理' }).count()).toBe(1);
    await page.mouse.move(0, 0); // no hover colours
    await screenshot(page, 'survey-settings');
    await expectAccessible(page);

    // Act: a reminder after the answers close
    await page.getByTestId('edit-survey-settings').click();
    const editor = page.getByRole('dialog');
    // antd spaces a two-character label (保 存), and a spinner still leaving after a save adds its own name (loading)
    const save = editor.getByRole('button', { name: /保\s*存/ });
    await editor.getByLabel('提醒天数').fill('20');
    await editor.getByLabel('评价期限').fill('15');
    await save.click();

    // Assess: the API's message under the reminder, nothing saved
    await eventually(() => editor.locator('#reminderAfterDays_help').textContent()).toBe(
      '提醒天数必须小于评价期限天数',
    );
    expect((await call('admin', '/v1/admin/survey-settings')).body).toEqual(defaultSurveySettings);
    await expectAccessible(page);

    // Act: figures the API accepts
    await editor.getByLabel('提醒天数').fill('5');
    await editor.getByLabel('评价期限').fill('20');
    await editor.getByLabel('电话回访尝试').fill('3');
    await save.click();

    // Assess: saved, shown, and still there after a reload
    await page.getByRole('status').getByText('回访设置已保存').waitFor();
    await eventually(() => surveyFigures(page)).toEqual(['5 天', '20 天', '3 个工作日']);
    expect((await call('admin', '/v1/admin/survey-settings')).body).toEqual({
      reminderAfterDays: 5,
      expiryDays: 20,
      maxCallAttempts: 3,
    });
    await page.reload();
    await eventually(() => surveyFigures(page)).toEqual(['5 天', '20 天', '3 个工作日']);
  }, 120_000);

  it('shows a supervisor the survey settings without an edit button', async () => {
    const page = await newPage();
    await enter(page, 'supervisor', '/console/admin/survey-settings');
    await eventually(() => surveyFigures(page)).toEqual(['3 天', '15 天', '3 个工作日']);
    await page.getByText('只有系统管理员可以修改').waitFor();
    expect(await page.getByTestId('edit-survey-settings').count()).toBe(0);
    await expectAccessible(page);
  }, 120_000);
});
