import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws, storedEmails } from '../../support/local-aws.ts';
import { drainNotices } from '../../support/notices.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
let sendNotice: unknown;
let api: ReturnType<typeof apiClient>;

const { dispatcher, handler, lead } = demo;
const assignment = demoAssignmentInput;
const submit = (body = aComplaint()) => api.submit(body);
const act = (id: string, action: string, principal: Principal, body: unknown = {}) =>
  api.act(id, action, principal, body);
const read = async (id: string, principal: Principal = dispatcher) => bodyOf<CaseView>(await api.read(id, principal));

beforeAll(async () => {
  // A day whose deadlines (60 days and the escalations after) all fall in a year the holiday library has: from
  // mid-October, they reach a year it lacks and the administrators are told of it too.
  setNow(beijing('2026-06-01T10:00'));
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: sendNotice } = await import('../../../functions/notices/send-notice.ts'));
});
afterAll(async () => {
  setNow(null);
  await aws.stop();
});

describe('POST /v1/cases/{id}/actions/{action}', () => {
  it('walks a complaint to closed by the right people, each step in history, each email once', async () => {
    const created = await submit();

    const steps: [string, Principal, unknown][] = [
      ['accept', dispatcher, {}],
      ['assign', dispatcher, assignment],
      ['sign', handler, {}],
      [
        'submit-result',
        handler,
        {
          result: '现场检查属实，已责令停止夜间作业。内部备注：企业负责人态度差。',
          publicReply: '经查属实，已责令企业停止夜间作业。',
        },
      ],
      ['approve-result', lead, {}],
    ];
    for (const [action, principal, body] of steps) {
      const response = await act(created.id, action, principal, body);
      expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    }
    await drainNotices(sendNotice);
    await drainNotices(sendNotice);

    const found = await read(created.id);
    expect(found.state).toBe('closed');
    expect(found.history?.map((entry) => [entry.action, entry.actor, entry.toState])).toEqual([
      ['register', 'operator', 'registered'],
      ['accept', 'dispatcher', 'accepted'],
      ['assign', 'dispatcher', 'assigned'],
      ['sign', 'handler', 'in-progress'],
      ['submit-result', 'handler', 'result-submitted'],
      ['approve-result', 'lead', 'closed'],
    ]);
    const emails = (await storedEmails(aws.sesEndpoint)).filter((email) => email.subject.includes(created.number));
    const sent = emails.map((email) => `${email.destination.to[0]} ${email.subject}`).sort();
    expect(sent).toEqual(
      [
        `dispatcher@greenline.local 【新信访件】${created.number} 噪声污染 · 城东街道`,
        `li@example.cn 您反映的问题已受理（${created.number}）`,
        `handler@greenline.local 【派单】${created.number} 噪声污染`,
        `lead@greenline.local 【派单】${created.number} 噪声污染`,
        `lead@greenline.local 【待审核】${created.number} 噪声污染`,
        `li@example.cn 您反映的问题已办结（${created.number}）`,
      ].sort(),
    );
    const closing = emails.find((email) => email.subject.includes('已办结'));
    expect(closing?.body.text).toContain('经查属实，已责令企业停止夜间作业。');
    expect(closing?.body.text).not.toContain('内部备注');
    // A hotline complaint has no tracking code and secret: no link to a page the complainant could not use.
    expect(closing?.body.text).not.toContain('/track');
  });

  it('refuses wrong-role, out-of-scope and out-of-order actions and changes nothing', async () => {
    const created = await submit();

    const refusals = await Promise.all([
      act(created.id, 'accept', handler),
      act(created.id, 'accept', aPrincipal('dispatcher', 'west')),
      act(created.id, 'sign', handler),
      act(created.id, 'approve-result', lead),
      act(created.id, 'teleport', dispatcher),
      act(created.id, 'reject', dispatcher, {}),
    ]);

    expect(refusals.map((response) => response.statusCode)).toEqual([403, 403, 403, 403, 404, 400]);
    expect(bodyOf(refusals[5]).errors).toEqual([{ path: 'reason', message: expect.any(String) }]);
    const found = await read(created.id);
    expect(found).toMatchObject({ state: 'registered', version: 1 });
    expect(found.history).toHaveLength(1);
  });

  it('answers 409 to an action the state does not allow', async () => {
    const created = await submit();
    await act(created.id, 'accept', dispatcher);

    const again = await act(created.id, 'accept', dispatcher);

    expect(again.statusCode).toBe(409);
    expect(bodyOf(again).detail).toBe('当前状态为“已受理”，不能受理');
  });

  it('lets exactly one of 50 concurrent conflicting actions win, with a consistent history', async () => {
    const created = await submit();

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        index % 2 === 0
          ? act(created.id, 'accept', dispatcher, { note: `并发 ${index}` })
          : act(created.id, 'reject', dispatcher, { reason: `并发不予受理 ${index}` }),
      ),
    );

    const codes = responses.map((response) => response.statusCode);
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    expect(codes.filter((code) => code !== 200).every((code) => code === 409)).toBe(true);
    const found = await read(created.id);
    expect(found.version).toBe(2);
    expect(found.history?.map((entry) => entry.sequence)).toEqual([1, 2]);
    expect(['accepted', 'rejected']).toContain(found.state);
  });

  it('tells the dispatcher about a return and the lead about an extension request', async () => {
    const created = await submit();
    await act(created.id, 'accept', dispatcher);
    await act(created.id, 'assign', dispatcher, assignment);

    const returned = await act(created.id, 'return', handler, {
      reasonCode: 'not-our-remit',
      reason: '属于住建部门职责',
    });
    await act(created.id, 'assign', dispatcher, assignment);
    const extension = await act(created.id, 'request-extension', handler, { days: 20, reason: '需委托第三方监测' });
    await drainNotices(sendNotice);

    expect(bodyOf<CaseView>(returned).returnCount).toBe(1);
    expect(bodyOf<CaseView>(extension).extensions).toEqual([
      expect.objectContaining({ status: 'requested', days: 20 }),
    ]);
    const emails = (await storedEmails(aws.sesEndpoint)).filter((email) => email.subject.includes(created.number));
    const returnMail = emails.find((email) => email.subject.startsWith('【退单】'));
    expect(returnMail?.destination.to).toEqual(['dispatcher@greenline.local']);
    expect(returnMail?.body.text).toContain('属于住建部门职责');
    const extensionMail = emails.find((email) => email.subject.startsWith('【延期申请】'));
    expect(extensionMail?.destination.to).toEqual(['lead@greenline.local']);
  });

  it('merges a duplicate into its master, and tells the duplicate’s complainant the master’s result', async () => {
    const master = await submit(aComplaint({ complainant: { name: '甲', email: 'jia@example.cn' } }));
    const duplicate = await submit(aComplaint({ complainant: { name: '乙', email: 'yi@example.cn' } }));
    expect(duplicate.duplicateCandidates?.map((candidate) => candidate.caseId)).toContain(master.id);

    expect((await act(duplicate.id, 'merge', dispatcher, { masterCaseId: master.id })).statusCode).toBe(200);
    await act(master.id, 'accept', dispatcher);
    await act(master.id, 'assign', dispatcher, assignment);
    await act(master.id, 'sign', handler);
    await act(master.id, 'submit-result', handler, {
      result: '现场检查属实，已查处。',
      publicReply: '已责令企业停止夜间作业。',
    });
    await act(master.id, 'approve-result', lead);
    await drainNotices(sendNotice);

    expect((await read(duplicate.id)).state).toBe('merged');
    expect((await read(master.id)).mergedCases).toEqual([duplicate.id]);
    const closing = (await storedEmails(aws.sesEndpoint)).filter((email) => email.subject.includes('已办结'));
    expect(closing.find((email) => email.destination.to[0] === 'yi@example.cn')?.subject).toBe(
      `您反映的问题已办结（${duplicate.number}）`,
    );
    expect(closing.find((email) => email.destination.to[0] === 'yi@example.cn')?.body.text).toContain(
      '已责令企业停止夜间作业。',
    );
  });
});

/** Walks a submitted complaint to closed with the demo people. */
const close = async (id: string, publicReply = '已责令企业停止夜间作业。') => {
  await act(id, 'accept', dispatcher);
  await act(id, 'assign', dispatcher, assignment);
  await act(id, 'sign', handler);
  await act(id, 'submit-result', handler, { result: '现场检查属实，已查处。', publicReply });
  await act(id, 'approve-result', lead);
};

const withEmail = (name: string, email: string) => aComplaint({ complainant: { name, email } });

describe('merging duplicates', () => {
  it('refuses to merge into a closed, rejected or merged case, or to merge a case that holds duplicates', async () => {
    const closed = await submit();
    await close(closed.id);
    const rejected = await submit();
    await act(rejected.id, 'reject', dispatcher, { reason: '不属于生态环境部门职责' });
    const earlier = await submit();
    const merged = await submit();
    await act(merged.id, 'merge', dispatcher, { masterCaseId: earlier.id });
    const holder = await submit();
    const held = await submit();
    await act(held.id, 'merge', dispatcher, { masterCaseId: holder.id });
    const open = await submit();
    const duplicate = await submit();

    const refusals = [
      await act(duplicate.id, 'merge', dispatcher, { masterCaseId: closed.id }),
      await act(duplicate.id, 'merge', dispatcher, { masterCaseId: rejected.id }),
      await act(duplicate.id, 'merge', dispatcher, { masterCaseId: merged.id }),
      await act(holder.id, 'merge', dispatcher, { masterCaseId: open.id }),
    ];

    expect(refusals.map((response) => response.statusCode)).toEqual([409, 409, 409, 409]);
    expect(refusals.map((response) => bodyOf(response).detail)).toEqual([
      `主件 ${closed.number} 已办结，不能再并入重复件；请将本件作为新件受理`,
      `主件 ${rejected.number} 已不予受理，不能作为主件`,
      `${merged.number} 本身已合并到其他事项，请合并到其主件`,
      `本件已有 1 件重复件并入，不能再合并到其他事项；可将 ${open.number} 合并到本件`,
    ]);
    expect(await read(duplicate.id)).toMatchObject({ state: 'registered', version: 1 });
    expect(await read(holder.id)).toMatchObject({ state: 'registered', mergedCases: [held.id] });
    expect(await read(open.id)).toMatchObject({ state: 'registered', mergedCases: [] });
  });

  it('tells the complainants of merged duplicates when the master is rejected, with the master’s reason', async () => {
    const master = await submit(withEmail('丙', 'bing@example.cn'));
    const duplicate = await submit(withEmail('丁', 'ding@example.cn'));
    await act(duplicate.id, 'merge', dispatcher, { masterCaseId: master.id });

    await act(master.id, 'reject', dispatcher, { reason: '反映的是民事纠纷，不属于生态环境部门职责' });
    await drainNotices(sendNotice);

    const emails = await storedEmails(aws.sesEndpoint);
    const told = emails.find((email) => email.destination.to[0] === 'ding@example.cn');
    expect(told?.subject).toBe(`关于您反映问题的受理告知（${duplicate.number}）`);
    expect(told?.body.text).toContain('理由：反映的是民事纠纷，不属于生态环境部门职责');
    expect(emails.filter((email) => email.destination.to[0] === 'bing@example.cn')).toHaveLength(1);
  });

  it('tells merged complainants of the master’s acceptance once, or of their own when merged after it', async () => {
    const master = await submit(withEmail('戊', 'wu@example.cn'));
    const before = await submit(withEmail('己', 'ji@example.cn'));
    await act(before.id, 'merge', dispatcher, { masterCaseId: master.id });
    await act(master.id, 'accept', dispatcher);
    const after = await submit(withEmail('庚', 'geng@example.cn'));

    await act(after.id, 'merge', dispatcher, { masterCaseId: master.id });
    await drainNotices(sendNotice);

    const emails = await storedEmails(aws.sesEndpoint);
    const to = (address: string) => emails.filter((email) => email.destination.to[0] === address);
    expect(to('ji@example.cn').map((email) => email.subject)).toEqual([`您反映的问题已受理（${before.number}）`]);
    expect(to('geng@example.cn').map((email) => email.subject)).toEqual([`您反映的问题已受理（${after.number}）`]);
    expect(to('geng@example.cn')[0]?.body.text).toContain('一并办理');
    expect(to('wu@example.cn').map((email) => email.subject)).toEqual([`您反映的问题已受理（${master.number}）`]);
  });
});

describe('free texts of actions', () => {
  it('refuses control characters and unpaired surrogates with 400 naming the field, and changes nothing', async () => {
    const created = await submit();

    const refusals = [
      await act(created.id, 'reject', dispatcher, { reason: '不属于\u0000本部门职责' }),
      await act(created.id, 'accept', dispatcher, { note: '响铃\u0007备注' }),
      await act(created.id, 'merge', dispatcher, { masterCaseId: created.id, note: '\u001b[31m红字' }),
      await act(created.id, 'reject', dispatcher, { reason: '理由\ud800不全' }),
    ];

    expect(refusals.map((response) => response.statusCode)).toEqual([400, 400, 400, 400]);
    expect(refusals.map((response) => bodyOf<{ errors: { path: string }[] }>(response).errors)).toEqual([
      [{ path: 'reason', message: '不能包含控制字符（换行和制表符除外）' }],
      [{ path: 'note', message: '不能包含控制字符（换行和制表符除外）' }],
      [{ path: 'note', message: '不能包含控制字符（换行和制表符除外）' }],
      [{ path: 'reason', message: '含有无效的 Unicode 字符（不成对的代理项）' }],
    ]);
    expect(await read(created.id)).toMatchObject({ state: 'registered', version: 1 });
  });

  it('refuses a bad result or public reply, and keeps line breaks and tabs', async () => {
    const created = await submit();
    await act(created.id, 'accept', dispatcher);
    await act(created.id, 'assign', dispatcher, assignment);
    await act(created.id, 'sign', handler);

    const bad = await act(created.id, 'submit-result', handler, {
      result: '现场检查属实\u0085已查处。',
      publicReply: '经查属实\udc00已整改。',
    });
    const good = await act(created.id, 'submit-result', handler, {
      result: '现场检查属实。\n\t一、已责令停产；\n\t二、已立案。',
      publicReply: '经查属实，已责令企业整改。',
    });

    expect(bad.statusCode).toBe(400);
    expect(
      bodyOf<{ errors: { path: string }[] }>(bad)
        .errors.map((error) => error.path)
        .sort(),
    ).toEqual(['publicReply', 'result']);
    expect(good.statusCode).toBe(200);
    expect(bodyOf<CaseView>(good).result?.text).toBe('现场检查属实。\n\t一、已责令停产；\n\t二、已立案。');
  });
});

describe('across branches', () => {
  it('lets the city petition office assign a case to 城西分局 监察大队, whose handler and lead take it on', async () => {
    const created = await submit();
    const westHandler = aPrincipal('handler', 'west-enforcement', 'handler3');
    const westLead = aPrincipal('lead', 'west', 'lead2');
    await act(created.id, 'accept', dispatcher);

    const assigned = await act(created.id, 'assign', dispatcher, {
      departmentId: 'west-enforcement',
      responsibleUsername: 'handler3',
      leadUsername: 'lead2',
    });
    const eastHandlerSigns = await act(created.id, 'sign', handler);
    const signed = await act(created.id, 'sign', westHandler);
    await act(created.id, 'submit-result', westHandler, {
      result: '现场检查属实，已查处。',
      publicReply: '经查属实，已责令企业整改。',
    });
    const approved = await act(created.id, 'approve-result', westLead);
    await drainNotices(sendNotice);

    expect([assigned, eastHandlerSigns, signed, approved].map((response) => response.statusCode)).toEqual([
      200, 403, 200, 200,
    ]);
    expect(bodyOf<CaseView>(assigned).assignment).toMatchObject({
      departmentId: 'west-enforcement',
      departmentPath: ['city', 'west', 'west-enforcement'],
      responsibleUsername: 'handler3',
      leadUsername: 'lead2',
    });
    const assignedMail = (await storedEmails(aws.sesEndpoint)).filter((email) =>
      email.subject.startsWith(`【派单】${created.number}`),
    );
    expect(assignedMail.map((email) => email.destination.to[0]).sort()).toEqual([
      'handler3@greenline.local',
      'lead2@greenline.local',
    ]);
  });
});
