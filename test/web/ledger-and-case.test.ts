/**
 * The case page and the four-colour ledger in the browser: a complaint walked through its workflow by the people whose
 * turn it is (only the actions the API allows them show), and a case turning yellow, then red, on the ledger board as
 * the local clock moves and the nightly check runs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, signIn, startWebRig, type WebRig } from './browser.ts';

type Colour = 'red' | 'yellow' | 'blue' | 'green';
const colours: readonly Colour[] = ['red', 'yellow', 'blue', 'green'];

interface CaseBody {
  id: string;
  number: string;
  state: string;
  colour?: Colour;
  unitId: string;
  allowedActions?: string[];
  timeLimits?: { clocks: Record<string, { warnFrom: string; dueAt: string }> };
}

describe('the case page and the four-colour ledger', () => {
  let rig: WebRig;
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
  const readCase = async (id: string, username = 'supervisor') =>
    (await (await call('GET', `/v1/cases/${id}`, username)).json()) as CaseBody;
  const complain = async (body: Record<string, unknown>) => {
    const response = await call('POST', '/v1/complaints', 'operator', {
      complainant: { name: '李女士', phone: '13812345678' },
      category: 'noise',
      ...body,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as CaseBody;
  };

  /** The case page's action buttons, as their text without antd's spacing. */
  const actionButtons = async (page: Page) =>
    (await page.getByTestId('case-actions').getByRole('button').allTextContents()).map((text) =>
      text.replace(/\s/g, ''),
    );
  const caseState = (page: Page) => page.getByTestId('case-state').textContent();
  /** Opens an action's form, lets `fill` fill it in, submits, and waits for the state the action leads to. */
  const act = async (page: Page, label: string, state: string, fill?: (dialog: Page) => Promise<void>) => {
    await page
      .getByTestId('case-actions')
      .getByRole('button', { name: new RegExp(`^${[...label].join('\\s*')}$`) })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fill) await fill(page);
    await dialog.getByRole('button', { name: /^提\s*交$/ }).click();
    await expect.poll(() => caseState(page), { timeout: 15_000 }).toBe(state);
  };
  const pick = async (page: Page, label: string, text: string) => {
    await page.getByLabel(label, { exact: true }).click();
    await page.keyboard.type(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().waitFor();
    await page.keyboard.press('Enter');
  };

  /** One page for everyone (the bundled Chromium runs in one process: fewer contexts, less memory). */
  let page: Page;
  const signInAs = async (username: string, next: string) => {
    if (page.url().startsWith('http')) await page.evaluate(() => sessionStorage.clear());
    await signIn(page, username, next);
  };

  beforeAll(async () => {
    rig = await startWebRig();
    page = await rig.newPage();
  }, 120_000);
  afterAll(async () => {
    if (rig) await call('POST', '/local/clock', undefined, { now: null }).catch(() => undefined);
    await rig?.stop();
  }, 60_000);

  it('walks a complaint through accept, assign, sign, submit and approve, each person seeing only their actions', async () => {
    // Prepare
    const created = await complain({
      channel: 'hotline',
      place: { address: '城东街道建设路 18 号', town: '城东街道' },
      description: '工厂夜间持续作业，噪声很大，影响居民休息。',
    });
    const path = `/console/cases/${created.id}`;

    // Act: the petition office sees what it may do with a new complaint, and accepts it
    const dispatcher = page;
    await signInAs('dispatcher', path);
    await dispatcher.getByRole('heading', { level: 1, name: created.number }).waitFor();

    // Assess: exactly the actions the API allows
    const allowed = (await readCase(created.id, 'dispatcher')).allowedActions ?? [];
    expect(allowed).toEqual(expect.arrayContaining(['accept', 'reject', 'merge']));
    const buttons = await actionButtons(dispatcher);
    expect(buttons).toEqual(expect.arrayContaining(['受理', '不予受理', '合并重复件']));
    expect(buttons).toHaveLength(allowed.length);
    expect(buttons).not.toContain('签收');
    await expect.poll(() => dispatcher.getByTestId('complainant-note').textContent(), { timeout: 10_000 }).toBeTruthy();

    // Act: accept, then assign through the pickers
    await act(dispatcher, '受理', '已受理');
    await act(dispatcher, '派单', '已派单', async (page) => {
      await pick(page, '承办科室', '城东分局 / 监察大队');
      await pick(page, '责任人（承办人）', 'handler');
      await pick(page, '包案领导', 'lead');
    });
    const assigned = await readCase(created.id);
    expect(assigned).toMatchObject({
      assignment: { departmentId: 'east-enforcement', responsibleUsername: 'handler', leadUsername: 'lead' },
    });
    expect(await actionButtons(dispatcher)).not.toContain('派单');

    // Act: the handler signs for it and submits the result
    const handler = page;
    await signInAs('handler', path);
    await handler.getByRole('heading', { level: 1, name: created.number }).waitFor();
    expect(await actionButtons(handler)).toContain('签收');
    // Someone signs for it first (the same handler, in another window): the page's version is now stale
    expect((await call('POST', `/v1/cases/${created.id}/actions/sign`, 'handler', {})).status).toBe(200);
    await act(handler, '签收', '办理中');
    await handler
      .getByText(/已被他人更新/)
      .first()
      .waitFor();
    expect(await actionButtons(handler)).not.toContain('签收');
    await act(handler, '提交办理结果', '待审核', async (page) => {
      await page.getByLabel('办理情况（内部）', { exact: true }).fill('现场检查属实，已责令停止夜间作业。');
      await page.getByLabel('答复投诉人的内容', { exact: true }).fill('经查属实，已责令企业整改。');
    });

    // Act: the lead approves
    const lead = page;
    await signInAs('lead', path);
    await lead.getByRole('heading', { level: 1, name: created.number }).waitFor();
    await act(lead, '审核通过并办结', '已办结');

    // Assess: closed and green, with its history
    await expect
      .poll(() => lead.getByTestId('case-colour').locator('[data-colour]').getAttribute('data-colour'), {
        timeout: 10_000,
      })
      .toBe('green');
    expect(await lead.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(6);
    expect(await lead.getByTestId('no-actions').count()).toBe(1);
    await screenshot(lead, 'case-page');
    await expectAccessible(lead);

    // Act: a handler of another department opens the case and tries to act on it through the API
    const outsider = page;
    await signInAs('handler2', path);
    await outsider.getByRole('alert').first().waitFor();
    const forced = await call('POST', `/v1/cases/${created.id}/actions/send-back`, 'handler2', { reason: '越权尝试' });

    // Assess
    expect(await outsider.getByTestId('case-actions').count()).toBe(0);
    expect(
      await outsider.getByRole('button', { name: /签\s*收|提交办理结果|审核通过并办结|受\s*理|派\s*单/ }).count(),
    ).toBe(0);
    expect(forced.status).toBe(403);
    expect(forced.headers.get('content-type')).toContain('application/problem+json');
    expect(await forced.json()).toMatchObject({ status: 403 });
  }, 180_000);

  it('shows a case yellow, then red, for its unit on the ledger as the clock moves, each parent row adding up', async () => {
    // Prepare: a letter complaint accepted on 1 September 2026, not yet assigned (held by the petition office)
    expect((await call('POST', '/local/clock', undefined, { now: '2026-09-01T10:00:00+08:00' })).status).toBe(200);
    const created = await complain({
      channel: 'letter',
      place: { address: '城西街道工业路 6 号', town: '城西街道' },
      description: '河道排污口夜间排放黑水，气味刺鼻。',
      category: 'water',
    });
    expect((await call('POST', `/v1/cases/${created.id}/actions/accept`, 'dispatcher', {})).status).toBe(200);
    const accepted = await readCase(created.id);
    const finish = accepted.timeLimits?.clocks.finish;
    if (!finish) throw new Error('no finish clock');
    const holder = accepted.unitId;

    await signInAs('supervisor', '/console');
    await page.getByTestId('ledger-board').waitFor();
    const count = async (row: string, colour: Colour) =>
      Number(await page.locator(`tr[data-row="${row}"] button[data-colour="${colour}"]`).getAttribute('data-count'));
    const refresh = async () => {
      const before = await page.getByTestId('ledger-updated').textContent();
      await page.waitForTimeout(1_100);
      // The button's icon has a label of its own, which joins the button's name.
      await page.getByRole('button', { name: /刷\s*新$/ }).click();
      await expect.poll(() => page.getByTestId('ledger-updated').textContent(), { timeout: 15_000 }).not.toBe(before);
    };
    const moveAndSweep = async (now: string) => {
      expect((await call('POST', '/local/clock', undefined, { now })).status).toBe(200);
      expect((await call('POST', '/local/sweep')).status).toBe(200);
      await expect.poll(async () => (await readCase(created.id)).colour, { timeout: 15_000 }).toBeDefined();
    };
    const expectRowsAddUp = async () => {
      const rows = await page
        .locator('tr[data-row]')
        .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-row') ?? ''));
      expect(rows[0]).toBe('#total');
      expect(rows).toContain('#own');
      expect(rows).toContain(holder);
      for (const colour of colours) {
        let sum = 0;
        for (const row of rows.slice(1)) sum += await count(row, colour);
        expect(await count('#total', colour), colour).toBe(sum);
      }
      for (const row of rows) {
        let sum = 0;
        for (const colour of colours) sum += await count(row, colour);
        expect(Number(await page.locator(`tr[data-row="${row}"] [data-testid="row-total"]`).textContent())).toBe(sum);
      }
      const ledger = (await (await call('GET', '/v1/ledger', 'supervisor')).json()) as {
        counts: Record<Colour, number>;
      };
      for (const colour of colours) expect(await count('#total', colour)).toBe(ledger.counts[colour]);
    };
    const listed = async (row: string, colour: Colour) => {
      await page.locator(`tr[data-row="${row}"] button[data-colour="${colour}"]`).click();
      await expect
        .poll(() => page.getByTestId('ledger-cases').getByRole('link', { name: created.number }).count(), {
          timeout: 10_000,
        })
        .toBe(1);
    };

    // Act: into the warning window
    await moveAndSweep(new Date(Date.parse(finish.warnFrom) + 3_600_000).toISOString());
    expect((await readCase(created.id)).colour).toBe('yellow');
    // A poll begun before the sweep may answer after the click, with the figures from before: refresh until it shows.
    const refreshedUntil = (figure: () => Promise<number>) =>
      expect.poll(
        async () => {
          await refresh();
          return figure();
        },
        { timeout: 45_000 },
      );

    // Assess
    await refreshedUntil(() => count(holder, 'yellow')).toBeGreaterThanOrEqual(1);
    await expectRowsAddUp();
    await listed(holder, 'yellow');
    expect(await page.getByTestId('ledger-chart').getAttribute('aria-label')).toContain('黄色');
    const yellowBefore = await count(holder, 'yellow');
    const redBefore = await count(holder, 'red');

    // Act: past the deadline
    await moveAndSweep(new Date(Date.parse(finish.dueAt) + 86_400_000 + 3_600_000).toISOString());
    expect((await readCase(created.id)).colour).toBe('red');

    // Assess
    await refreshedUntil(() => count(holder, 'red')).toBe(redBefore + 1);
    expect(await count(holder, 'yellow')).toBe(yellowBefore - 1);
    await expectRowsAddUp();
    await listed(holder, 'red');
    await expect
      .poll(
        () =>
          page
            .getByTestId('ledger-cases')
            .getByText(/超期 \d+ 天/)
            .count(),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'ledger-board');
    await expectAccessible(page);
  }, 180_000);
});
