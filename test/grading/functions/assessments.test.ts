import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import type { GradingScheme } from '#grading/domain/scheme.ts';
import type { AssessmentView } from '#grading/services/assessment-view.ts';
import type { AssessmentList } from '#grading/services/read-assessments.ts';
import type { SchemeWithVersions } from '#grading/services/schemes.ts';
import type { Problem } from '#platform/http/problem.ts';
import { admin, aNewEnterprise, call, makeUscc, register } from '../../enterprises/support/enterprises.ts';
import { seedDirectory } from '../../support/directory.ts';
import { bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws, storedEmails } from '../../support/local-aws.ts';
import { drainNotices } from '../../support/notices.ts';
import { act, create, enterprise, handler, lead, publish, supervisor } from '../support/assessments.ts';
import { aScheme, exampleAnswers } from '../support/factories.ts';

const firm = makeUscc('50000001');
const twoIndustryFirm = makeUscc('50000002');

let aws: LocalAws;

/** A scheme body for `PUT /v1/grading/schemes/{industry}` (the test scheme, under another industry name). */
const schemeBody = (overrides: Record<string, unknown> = {}) => {
  const { industry: _i, version: _v, savedAt: _a, savedBy: _b, ...scheme } = aScheme();
  return { ...scheme, industryName: '包装印刷', name: '测试方案', ...overrides };
};

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  for (const uscc of [firm, twoIndustryFirm]) {
    const response = await register(aNewEnterprise({ uscc, name: `分级测试企业${uscc.slice(-4)}` }), admin);
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(() => aws?.stop());

describe('grading schemes', () => {
  it('lists the example scheme for industrial coating, labelled as an example', async () => {
    const response = await call('GET', '/v1/grading/schemes', { principal: handler });

    expect(response.statusCode).toBe(200);
    expect(bodyOf<GradingScheme[]>(response)).toEqual([
      expect.objectContaining({
        industry: 'industrial-coating',
        industryName: '工业涂装',
        name: '示例方案（待替换为官方指标表）',
        example: true,
        version: 1,
      }),
    ]);
  });

  it('saves each PUT as a new version, keeps the older ones readable, and refuses a stale basedOn', async () => {
    // Act
    const first = await call('PUT', '/v1/grading/schemes/{industry}', {
      principal: admin,
      pathParameters: { industry: 'packaging-printing' },
      body: schemeBody(),
    });
    const second = await call('PUT', '/v1/grading/schemes/{industry}', {
      principal: admin,
      pathParameters: { industry: 'packaging-printing' },
      body: schemeBody({ name: '测试方案（修订）', basedOn: 1 }),
    });
    const stale = await call('PUT', '/v1/grading/schemes/{industry}', {
      principal: admin,
      pathParameters: { industry: 'packaging-printing' },
      body: schemeBody({ basedOn: 1 }),
    });
    const current = await call('GET', '/v1/grading/schemes/{industry}', {
      principal: handler,
      pathParameters: { industry: 'packaging-printing' },
    });
    const older = await call('GET', '/v1/grading/schemes/{industry}', {
      principal: handler,
      pathParameters: { industry: 'packaging-printing' },
      query: { version: '1' },
    });

    // Assess
    expect(first.statusCode, first.body).toBe(200);
    expect(bodyOf<GradingScheme>(first)).toMatchObject({
      industry: 'packaging-printing',
      version: 1,
      savedBy: 'admin',
    });
    expect(bodyOf<GradingScheme>(second).version).toBe(2);
    expect(stale.statusCode).toBe(409);
    expect(bodyOf<SchemeWithVersions>(current).scheme).toMatchObject({ version: 2, name: '测试方案（修订）' });
    expect(bodyOf<SchemeWithVersions>(current).versions.map((version) => version.version)).toEqual([2, 1]);
    expect(bodyOf<SchemeWithVersions>(older).scheme).toMatchObject({ version: 1, name: '测试方案' });
  });

  it('is loaded by administrators only, and refuses a scheme with problems naming them', async () => {
    const byLead = await call('PUT', '/v1/grading/schemes/{industry}', {
      principal: lead,
      pathParameters: { industry: 'other' },
      body: schemeBody(),
    });
    const invalid = await call('PUT', '/v1/grading/schemes/{industry}', {
      principal: admin,
      pathParameters: { industry: 'other' },
      body: schemeBody({ grades: ['A', 'B', 'C'] }),
    });

    expect(byLead.statusCode).toBe(403);
    expect(invalid.statusCode).toBe(400);
    expect(bodyOf<Problem>(invalid).errors?.map((error) => error.path)).toContain('indicators.0.options.3.grade');
  });
});

describe('an assessment', () => {
  let first: AssessmentView;

  it('walks draft → submitted → accepted → published, and publishes D naming what holds it back', async () => {
    // Arrange: the VOCs treatment at D, every other indicator at A; the transport left out of the draft
    const created = await create({
      uscc: firm,
      industry: 'industrial-coating',
      values: exampleAnswers({ 'vocs-treatment': 'D' }).filter((value) => value.indicatorId !== 'transport'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = bodyOf<AssessmentView>(created);
    expect(created.headers?.location).toBe(`/v1/grading/assessments/${draft.id}`);
    expect(draft).toMatchObject({ status: 'draft', schemeVersion: 1, schemeExample: true, allowedActions: ['submit'] });
    expect(draft.result).toMatchObject({ grade: 'D', complete: false, missing: ['transport'] });

    // Act
    const early = await act(draft.id, 'submit', handler);
    const patched = await call('PATCH', '/v1/grading/assessments/{id}', {
      principal: handler,
      pathParameters: { id: draft.id },
      body: { values: exampleAnswers({ 'vocs-treatment': 'D' }), note: '现场核查', version: 1 },
    });
    const submitted = await act(draft.id, 'submit', handler);
    const selfAccepted = await act(draft.id, 'accept', { ...lead, username: 'handler' });
    const accepted = await act(draft.id, 'accept', lead, { version: 3 });
    const published = await act(draft.id, 'publish', supervisor);

    // Assess
    expect(early.statusCode).toBe(400);
    expect(bodyOf<Problem>(early).errors?.[0]?.message).toMatch(/运输方式/);
    expect(bodyOf<AssessmentView>(patched).result.complete).toBe(true);
    expect(bodyOf<AssessmentView>(submitted).status).toBe('submitted');
    expect(selfAccepted.statusCode).toBe(403);
    expect(bodyOf<AssessmentView>(accepted).status).toBe('accepted');
    expect(published.statusCode, published.body).toBe(200);
    first = bodyOf<AssessmentView>(published);
    expect(first).toMatchObject({ status: 'published', publishedGrade: 'D' });
    expect(first.result.holdingBack).toEqual([
      expect.objectContaining({
        indicatorId: 'vocs-treatment',
        grade: 'D',
        nextGrade: 'C',
        needs: expect.stringMatching(/^C 级须满足：/),
      }),
    ]);
    expect(first.result.alertMeasure).toBe('停产');
    const graded = await enterprise(firm);
    expect(graded.grade).toBe('D');
    expect(graded.industryGrades).toEqual([
      expect.objectContaining({ industry: 'industrial-coating', grade: 'D', assessmentId: first.id }),
    ]);
    expect(graded.gradeHistory).toEqual([
      expect.objectContaining({
        source: 'assessment',
        grade: 'D',
        industryGrade: 'D',
        assessmentId: first.id,
        by: 'supervisor',
        helpPlanOpened: graded.helpPlan?.caseId,
      }),
    ]);
  });

  it('publishing D opened a help plan on the ledger: a case naming the firm and what C needs, for the office to assign', async () => {
    const graded = await enterprise(firm);
    expect(graded.helpPlan).toMatchObject({ state: 'open', assessmentId: first.id, unitId: 'city' });

    const plan = bodyOf<CaseView>(
      await call('GET', '/v1/cases/{id}', {
        principal: supervisor,
        pathParameters: { id: graded.helpPlan?.caseId ?? '' },
      }),
    );
    const ledger = bodyOf<{ cases: Record<string, { id: string }[]> }>(
      await call('GET', '/v1/ledger', { principal: supervisor, query: { kind: 'help-plan' } }),
    );

    expect(plan).toMatchObject({
      kind: 'help-plan',
      state: 'accepted',
      number: expect.stringMatching(/^GL-BF-\d{4}-\d{6}$/),
      helpPlan: {
        uscc: firm,
        assessmentId: first.id,
        grade: 'D',
        targetGrade: 'C',
        actions: [
          expect.objectContaining({ indicatorId: 'vocs-treatment', needs: expect.stringMatching(/^C 级须满足：/) }),
        ],
      },
    });
    expect(plan.history?.[0]).toMatchObject({ role: 'system', action: 'register' });
    expect(ledger.cases.blue?.map((item) => item.id)).toContain(plan.id);
  });

  it('a later assessment at C moves the grade D → C, and the earlier result stays readable', async () => {
    // Act
    const later = await publish({
      uscc: firm,
      industry: 'industrial-coating',
      values: exampleAnswers({ 'vocs-treatment': 'C' }),
    });

    // Assess
    expect(later.publishedGrade).toBe('C');
    const graded = await enterprise(firm);
    expect(graded.grade).toBe('C');
    expect(graded.gradeHistory.map((step) => `${step.previousGrade ?? '-'}→${step.grade}`)).toEqual(['-→D', 'D→C']);
    const planId = graded.gradeHistory[0]?.helpPlanOpened ?? '';
    expect(graded.gradeHistory[1]?.helpPlanClosed).toBe(planId);
    expect(graded.helpPlan).toBeUndefined();
    const plan = bodyOf<CaseView>(
      await call('GET', '/v1/cases/{id}', { principal: supervisor, pathParameters: { id: planId } }),
    );
    expect(plan).toMatchObject({ state: 'closed', colour: 'green' });
    expect(plan.history?.at(-1)).toMatchObject({ role: 'system', action: 'grade-restored', toState: 'closed' });
    const list = bodyOf<AssessmentList>(
      await call('GET', '/v1/grading/assessments', { principal: lead, query: { uscc: firm } }),
    );
    expect(list.items.map((item) => `${item.id}:${item.publishedGrade}`)).toEqual([`${later.id}:C`, `${first.id}:D`]);
    const search = await call('GET', '/v1/enterprises', { principal: lead, query: { grade: 'C', q: '分级测试' } });
    expect(bodyOf<{ items: Enterprise[] }>(search).items.map((item) => item.uscc)).toEqual([firm]);
  });

  it('a firm graded B in one industry and C in another is C', async () => {
    // Act
    await publish({
      uscc: twoIndustryFirm,
      industry: 'industrial-coating',
      values: exampleAnswers({ monitoring: 'B' }),
    });
    const afterB = await enterprise(twoIndustryFirm);
    await publish({
      uscc: twoIndustryFirm,
      industry: 'packaging-printing',
      values: [
        { indicatorId: 'treatment', option: 'carbon' },
        { indicatorId: 'nmhc', value: 10 },
      ],
    });

    // Assess
    const graded = await enterprise(twoIndustryFirm);
    expect(afterB.grade).toBe('B');
    expect(graded.grade).toBe('C');
    expect(graded.industryGrades.map((entry) => `${entry.industry}:${entry.grade}`).sort()).toEqual([
      'industrial-coating:B',
      'packaging-printing:C',
    ]);
  });

  it('is returned with reasons, and a return without a reason is refused naming it', async () => {
    const draft = bodyOf<AssessmentView>(
      await create({ uscc: firm, industry: 'industrial-coating', values: exampleAnswers() }),
    );
    await act(draft.id, 'submit', handler);

    const withoutReason = await act(draft.id, 'return', lead);
    const returned = await act(draft.id, 'return', lead, { reason: '缺少在线监测联网证明' });
    const queue = await call('GET', '/v1/grading/assessments', { principal: lead, query: { status: 'returned' } });

    expect(bodyOf<Problem>(withoutReason).errors).toEqual([{ path: 'reason', message: '退回须写明理由' }]);
    expect(bodyOf<AssessmentView>(returned).history.at(-1)).toMatchObject({
      action: 'return',
      reason: '缺少在线监测联网证明',
      by: 'lead',
    });
    expect(bodyOf<AssessmentList>(queue).items.map((item) => item.id)).toEqual([draft.id]);
    expect((await enterprise(firm)).grade).toBe('C');
  });

  it('emails the reviewers of a submission, the preparer of a return, and the preparer and supervisors of a publication', async () => {
    const { handler: sendNotice } = await import('../../../functions/notices/send-notice.ts');
    const draft = bodyOf<AssessmentView>(
      await create({ uscc: firm, industry: 'industrial-coating', values: exampleAnswers() }),
    );
    const sentFor = async () => {
      await drainNotices(sendNotice);
      return (await storedEmails(aws.sesEndpoint))
        .filter((email) => email.body.text?.includes(`/console/grading/assessments/${draft.id}`))
        .map((email) => `${email.destination.to[0]} ${email.subject}`)
        .sort();
    };

    await act(draft.id, 'submit', handler);
    const afterSubmit = await sentFor();
    await act(draft.id, 'return', lead, { reason: '缺少监测报告' });
    const afterReturn = await sentFor();
    await act(draft.id, 'submit', handler);
    await act(draft.id, 'accept', lead);
    await act(draft.id, 'publish', supervisor);
    const all = await sentFor();

    const subject = (tag: string, grade = 'A') => `【${tag}】分级测试企业${firm.slice(-4)} 工业涂装 ${grade} 级`;
    expect(afterSubmit).toEqual(
      [
        `lead3@greenline.local ${subject('评定待审核')}`,
        `lead@greenline.local ${subject('评定待审核')}`,
        `supervisor@greenline.local ${subject('评定待审核')}`,
      ].sort(),
    );
    expect(afterReturn.filter((line) => line.includes('评定被退回'))).toEqual([
      `handler@greenline.local ${subject('评定被退回')}`,
    ]);
    expect(all.filter((line) => line.includes('评级已发布'))).toEqual(
      [
        `handler@greenline.local ${subject('评级已发布')}`,
        `supervisor@greenline.local ${subject('评级已发布')}`,
      ].sort(),
    );
  });

  it('refuses an unregistered enterprise (404), a wrong USCC naming uscc (400) and an unknown industry (404)', async () => {
    const unregistered = await create({ uscc: makeUscc('59999999'), industry: 'industrial-coating' });
    const wrong = await create({ uscc: '91350100M000100Y44', industry: 'industrial-coating' });
    const unknown = await create({ uscc: firm, industry: 'no-such-industry' });

    expect(unregistered.statusCode).toBe(404);
    expect(wrong.statusCode).toBe(400);
    expect(bodyOf<Problem>(wrong).errors?.map((error) => error.path)).toEqual(['uscc']);
    expect(unknown.statusCode).toBe(404);
  });
});
