/**
 * Follow-up surveys in the browser: the survey email's one-click link answers (once: a second click is told so), the
 * survey page without a one-click answer (a dissatisfied answer asks the lead for a review) on a phone-size screen,
 * the operators' call list worked from the keyboard (the number revealed on a click, the call leaving the list), the
 * survey card of the case page with a supervisor judging an answer invalid, and the survey figures on the ledger.
 * The local clock is held on a Friday, 4 December 2026, while complaints close, then moved to the Monday after, when
 * the phone-only complainant's call is due. axe runs on each page.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedEmails } from '../support/local-aws.ts';
import { localToken } from '../support/runtime.ts';
import { expectAccessible, screenshot, screenshotDir, signIn, startWebRig, type WebRig } from './browser.ts';

/** expect.poll with time for a page to load or a queue to be polled (its default second is too short here). */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });

const friday = '2026-12-04T10:00:00+08:00';
const monday = '2026-12-07T09:00:00+08:00';

interface CaseRef {
  id: string;
  number: string;
  state: string;
}

interface SurveyBody {
  id: string;
  status: string;
  channel: string;
  version: number;
  callDueDate?: string;
  answer?: { satisfaction: string; solved?: string; comment?: string; via: string; by: string };
}

describe('follow-up surveys: the survey page, the call list, the case page and the ledger', () => {
  let rig: WebRig;
  /** The officials' page (one browser context, signed in as each in turn) and the complainant's own. */
  let official: Page;
  let visitor: Page;
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
  const readCase = async (id: string) =>
    (await (await call('GET', `/v1/cases/${id}`, 'supervisor')).json()) as CaseRef & {
      history?: { action: string; reason?: string }[];
    };
  const surveysOf = async (id: string) =>
    (await (await call('GET', `/v1/cases/${id}/surveys`, 'supervisor')).json()) as SurveyBody[];
  const setClock = async (now: string | null) =>
    expect((await call('POST', '/local/clock', undefined, { now })).status).toBe(200);

  /** A hotline complaint from `complainant`, walked to closed with `reply` for the public. */
  const closedComplaint = async (complainant: Record<string, unknown>, reply: string): Promise<CaseRef> => {
    const response = await call('POST', '/v1/complaints', 'operator', {
      channel: 'hotline',
      complainant,
      place: { address: '城东街道建设路 18 号', town: '城东街道' },
      category: 'noise',
      description: '工厂夜间持续作业，噪声很大，影响居民休息。',
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as CaseRef;
    const act = async (username: string, action: string, body: object = {}) => {
      const acted = await call('POST', `/v1/cases/${created.id}/actions/${action}`, username, body);
      expect(acted.status, `${action}: ${await acted.clone().text()}`).toBe(200);
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
    return created;
  };

  /** The survey email to `to` about case `number`, once the surveys queue's consumer has sent it. */
  const surveyEmail = async (to: string, number: string): Promise<string> => {
    const find = async () =>
      (await storedEmails(`http://127.0.0.1:${rig.ports.ses}`)).filter(
        (email) => email.destination.to.includes(to) && email.subject === `请您评价办理结果（${number}）`,
      );
    await eventually(async () => (await find()).length).toBe(1);
    return (await find())[0]?.body.text ?? '';
  };
  /** A link of the email: the one-click answer `answer`, or (without) the survey page. */
  const linkIn = (text: string, answer?: string): string => {
    const pattern = answer
      ? new RegExp(`${rig.api}/survey/[A-Za-z0-9_-]{27}\\?answer=${answer}`)
      : new RegExp(`${rig.api}/survey/[A-Za-z0-9_-]{27}(?=\\s|$)`);
    const link = pattern.exec(text)?.[0];
    if (!link) throw new Error(`no ${answer ?? 'page'} link in:\n${text}`);
    return link;
  };

  /**
   * Signs in (clearing the previous official's session). The runtime rebuilds the console when web/ changes (others
   * edit it too), and a page loaded from the build before then cannot fetch its chunks: it is loaded again, once.
   */
  const signInAs = async (username: string, next: string) => {
    if (official.url().startsWith('http')) await official.evaluate(() => sessionStorage.clear());
    try {
      await signIn(official, username, next);
    } catch (error) {
      if (!(await official.getByText('Failed to fetch dynamically imported module').count())) throw error;
      await official.reload();
      await official.getByTestId('signed-in-user').waitFor();
    }
  };
  /** Saves a screenshot of one element as `web/screenshots/<name>.png`. */
  const shoot = async (page: Page, testId: string, name: string) => {
    await page.mouse.move(0, 0);
    await page.getByTestId(testId).screenshot({ path: join(screenshotDir, `${name}.png`) });
  };
  const noHorizontalScroll = (page: Page) =>
    page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');
  const focused = (page: Page, property: 'textContent' | 'value') =>
    page.evaluate<string>(`String(document.activeElement?.${property} ?? '').replace(/\\s/g, '')`);

  beforeAll(async () => {
    rig = await startWebRig();
    official = await rig.newPage();
    visitor = await rig.newPage();
    await setClock(friday);
  }, 120_000);
  afterAll(async () => {
    if (rig) await call('POST', '/local/clock', undefined, { now: null }).catch(() => undefined);
    await rig?.stop();
  }, 60_000);

  let oneClick: CaseRef;
  let oneClickLink = '';

  it('records a one-click answer from the email, shows it on the case, and refuses a second click', async () => {
    // Prepare
    oneClick = await closedComplaint(
      { name: '李女士', email: 'li@example.cn', phone: '13812345678' },
      '经查属实，已责令企业停止夜间作业，并安装隔声设施。',
    );
    const email = await surveyEmail('li@example.cn', oneClick.number);
    oneClickLink = linkIn(email, 'satisfied');

    // Act: the complainant clicks 满意 in the email
    await visitor.goto(oneClickLink);

    // Assess: thanked; the answer is recorded; the address no longer answers on reload; no personal data shown
    await visitor.getByTestId('survey-thanks').getByText('感谢您的评价').waitFor();
    expect(await visitor.getByTestId('survey-status').textContent()).toBe('已评价');
    expect(await visitor.getByTestId('survey-case-number').textContent()).toBe(oneClick.number);
    await visitor.getByTestId('survey-reply').getByText('已责令企业停止夜间作业').waitFor();
    await eventually(() => new URL(visitor.url()).search).toBe('');
    const [answered] = await surveysOf(oneClick.id);
    expect(answered).toMatchObject({
      channel: 'email',
      status: 'answered',
      answer: { satisfaction: 'satisfied', via: 'email', by: '投诉人' },
    });
    const text = (await visitor.locator('main.gl-survey').textContent()) ?? '';
    for (const personal of ['李女士', 'li@example.cn', '13812345678', '薛峰', '周伟'])
      expect(text).not.toContain(personal);
    await screenshot(visitor, 'survey-thanks');
    await expectAccessible(visitor);

    // Act: a supervisor opens the case
    await signInAs('supervisor', `/console/cases/${oneClick.id}`);
    const card = official.getByTestId('case-surveys');
    await card.getByTestId('survey').first().waitFor();

    // Assess: the survey card tells the channel, state and answer; a supervisor may judge it invalid
    expect(await card.getByTestId('survey-status').textContent()).toBe('已评价');
    expect(await card.getByTestId('survey-answer').textContent()).toBe('满意');
    await card.getByText('邮件评价').waitFor();
    await card.getByText('投诉人（评价页）').waitFor();
    expect(await card.getByTestId('invalidate-survey').count()).toBe(1);
    await shoot(official, 'case-surveys', 'case-surveys');
    await expectAccessible(official);

    // Act: the complainant clicks the same link again
    await visitor.goto(oneClickLink);

    // Assess: refused, in the API's own words, with the answer given
    const refusal = visitor.getByTestId('survey-refusal');
    await refusal.getByText('该回访已评价，每次回访只能评价一次').waitFor();
    await refusal.getByText(/您的评价：满意/).waitFor();
    expect(await visitor.getByTestId('survey-thanks').count()).toBe(0);
    expect((await surveysOf(oneClick.id))[0]).toMatchObject({ status: 'answered', version: answered?.version });
    await expectAccessible(visitor);
  }, 180_000);

  it('takes a dissatisfied answer with a comment on the page, on a phone-size screen, and asks the lead for a review', async () => {
    // Prepare
    const created = await closedComplaint(
      { name: '赵先生', email: 'zhao@example.cn' },
      '经查，企业已调整作业时间，夜间不再生产。',
    );
    const page = linkIn(await surveyEmail('zhao@example.cn', created.number));
    await visitor.goto(page);
    const satisfaction = visitor.getByRole('radiogroup', { name: '您对办理结果是否满意？' });
    await satisfaction.waitFor();
    await visitor.getByTestId('survey-reply').getByText('夜间不再生产').waitFor();
    expect(await visitor.getByTestId('survey-status').textContent()).toBe('待评价');
    await screenshot(visitor, 'survey-page');
    await expectAccessible(visitor);
    await visitor.setViewportSize({ width: 375, height: 812 });
    await visitor.reload();
    await satisfaction.waitFor();
    expect(await noHorizontalScroll(visitor)).toBe(true);
    await screenshot(visitor, 'survey-page-phone');
    await expectAccessible(visitor);
    await visitor.getByRole('button', { name: 'English' }).click();
    await visitor.getByRole('radiogroup', { name: 'Are you satisfied with the result?' }).waitFor();
    await visitor.getByRole('button', { name: '中文' }).click();

    // Act: nothing chosen yet
    await visitor.getByRole('button', { name: '提交评价' }).click();

    // Assess
    await visitor.getByText('请选择您对办理结果的满意程度').waitFor();

    // Act: 不满意, not solved, a comment
    await satisfaction.getByText('不满意', { exact: true }).click();
    await visitor.getByText('评价为不满意的，将转交包案领导复核').waitFor();
    await visitor.getByRole('radiogroup', { name: '问题是否解决' }).getByText('未解决', { exact: true }).click();
    await visitor.getByLabel('留言').fill('夜里十一点后还是能听到切割声，希望再查一次。');
    expect(await noHorizontalScroll(visitor)).toBe(true);
    await visitor.getByRole('button', { name: '提交评价' }).click();

    // Assess: thanked; the case asks its lead for a review, with the comment as the reason
    await visitor.getByTestId('survey-thanks').getByText('您的意见已转交包案领导复核').waitFor();
    expect(await visitor.getByTestId('survey-status').textContent()).toBe('已评价');
    await eventually(async () => (await readCase(created.id)).state).toBe('review-requested');
    expect((await readCase(created.id)).history?.at(-1)).toMatchObject({
      action: 'request-review',
      reason: '回访评价：不满意。投诉人意见：夜里十一点后还是能听到切割声，希望再查一次。',
    });
    expect((await surveysOf(created.id))[0]).toMatchObject({
      status: 'answered',
      answer: { satisfaction: 'dissatisfied', solved: 'no', comment: '夜里十一点后还是能听到切割声，希望再查一次。' },
    });
    await expectAccessible(visitor);
    await visitor.setViewportSize({ width: 1366, height: 900 });
  }, 180_000);

  it('lists a phone-only complainant’s call the working day after a Friday close, reveals the number on a click, and records the answer from the keyboard', async () => {
    // Prepare: closed on Friday; with no email, the complainant is called on Monday
    const created = await closedComplaint({ name: '钱女士', phone: '13900001111' }, '已责令企业加装隔声屏障。');
    await eventually(async () => (await surveysOf(created.id)).length).toBe(1);
    const [survey] = await surveysOf(created.id);
    expect(survey).toMatchObject({ channel: 'phone', status: 'pending', callDueDate: '2026-12-07' });
    const listed = async () =>
      ((await (await call('GET', '/v1/follow-ups', 'operator')).json()) as { caseNumber: string }[]).map(
        (entry) => entry.caseNumber,
      );
    expect(await listed()).not.toContain(created.number);

    // Act: Monday morning, the operator opens the call list
    await setClock(monday);
    const reveals: string[] = [];
    official.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/contact')) reveals.push(request.url());
    });
    await signInAs('operator', '/console/follow-ups');
    await official.getByRole('heading', { level: 1, name: '电话回访' }).waitFor();

    // Assess: listed, the number masked, nothing revealed yet
    const row = official.locator('tr', { has: official.getByTestId('follow-up-number').getByText(created.number) });
    await row.waitFor();
    expect(await row.textContent()).toContain('139****1111');
    expect(await row.textContent()).not.toContain('13900001111');
    expect(await row.getByRole('link', { name: created.number }).getAttribute('href')).toBe(
      `/console/cases/${created.id}`,
    );
    expect(reveals).toEqual([]);
    await expectAccessible(official);

    // Act: keyboard only — pick the row, Enter to "显示号码", Enter reveals
    await row.getByRole('radio').focus();
    await row.getByRole('radio').press('Space');
    await eventually(() => official.getByTestId('follow-up-panel').getAttribute('data-survey')).toBe(survey?.id);
    await official.keyboard.press('Enter');
    await eventually(() => focused(official, 'textContent')).toBe('显示号码');
    await official.keyboard.press('Enter');

    // Assess: the number, once, on the click
    await eventually(() => official.getByTestId('follow-up-phone').textContent()).toBe('13900001111');
    expect(reveals).toHaveLength(1);
    await official.getByText('查看号码已记入个人信息访问记录').waitFor();

    // Act: 已接通 is focused; Tab to the satisfaction, → picks 基本满意; Tab, Space: 已解决; Tab, a comment, Enter
    await eventually(() => focused(official, 'value')).toBe('answered');
    await official.keyboard.press('Tab');
    await official.keyboard.press('ArrowRight');
    await official.keyboard.press('Tab');
    await official.keyboard.press('Space');
    await official.keyboard.press('Tab');
    await official.keyboard.type('已经安静多了，谢谢。');
    await screenshot(official, 'follow-ups');
    await official.keyboard.press('Enter');

    // Assess: recorded with the entry's version; the call leaves the list
    await official.getByText(`${created.number}：已记录评价`).waitFor();
    await eventually(() => official.getByTestId('follow-up-number').allTextContents()).not.toContain(created.number);
    const [after] = await surveysOf(created.id);
    expect(after).toMatchObject({
      status: 'answered',
      answer: { satisfaction: 'basically-satisfied', solved: 'yes', comment: '已经安静多了，谢谢。', via: 'phone' },
    });
    expect(after?.answer?.by).toBe('operator');
    expect(await listed()).not.toContain(created.number);
    expect(reveals).toHaveLength(1);
    await expectAccessible(official);
  }, 180_000);

  it('lets a supervisor judge an answer invalid with a reason, and shows the month’s figures on the ledger with the excluded apart', async () => {
    // Prepare: an anonymous complaint without contact (no survey: counted as no contact)
    const anonymous = await closedComplaint({ anonymous: true }, '已责令整改。');
    await eventually(async () => (await surveysOf(anonymous.id))[0]?.status).toBe('no-contact');
    await signInAs('supervisor', `/console/cases/${oneClick.id}`);
    const card = official.getByTestId('case-surveys');
    await card.getByTestId('invalidate-survey').click();
    const dialog = official.getByRole('dialog');

    // Act: no reason, then a reason
    await dialog.getByRole('button', { name: '判定无效' }).click();
    await dialog.getByText('请填写判定无效的理由').waitFor();
    await dialog.getByLabel('理由').fill('投诉人来电说明误点了链接，评价的不是本件。');
    await dialog.getByRole('button', { name: '判定无效' }).click();

    // Assess
    await eventually(() => card.getByTestId('survey-status').textContent()).toBe('无效评价');
    await card.getByText(/判定无效：投诉人来电说明误点了链接/).waitFor();
    expect(await card.getByTestId('invalidate-survey').count()).toBe(0);
    expect((await surveysOf(oneClick.id))[0]?.status).toBe('invalid');

    // Act: the ledger, for the city and this month (1–7 December)
    await official.goto('/console');
    const summary = official.getByTestId('survey-summary');

    // Assess: 基本满意 by phone and 不满意 on the page are the valid answers; the invalid one and no contact apart
    await eventually(() => summary.getByTestId('survey-satisfaction').textContent()).toBe('满意度 50%（1/2 有效评价）');
    expect(await summary.getByTestId('survey-solved').textContent()).toBe('解决率 50%（1/2 回答了“问题是否解决”）');
    expect(await summary.getByTestId('survey-excluded-invalid').textContent()).toBe('无效评价 1');
    expect(await summary.getByTestId('survey-excluded-noContact').textContent()).toBe('无联系方式 1');
    expect(await summary.getByTestId('survey-excluded-notEvaluated').textContent()).toBe('逾期未评价 0');
    await summary.getByText('2026-12-01 至 2026-12-07 办结').waitFor();
    await shoot(official, 'survey-summary', 'ledger-surveys');
    await expectAccessible(official);

    // A handler may not read the figures: no card, no request
    await signInAs('handler', '/console');
    await official.getByTestId('ledger-board').waitFor();
    const asked: string[] = [];
    official.on('request', (request) => {
      if (request.url().includes('/v1/surveys/summary')) asked.push(request.url());
    });
    await official.reload();
    await official.getByTestId('ledger-board').waitFor();
    await official.waitForTimeout(1_000);
    expect(await official.getByTestId('survey-summary').count()).toBe(0);
    expect(asked).toEqual([]);
  }, 180_000);
});
