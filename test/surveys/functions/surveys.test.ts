import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import type { Survey } from '#surveys/domain/survey.ts';
import type { PublicSurvey } from '#surveys/services/public-survey.ts';
import type { SurveySummary } from '#surveys/services/summary.ts';
import type { CallListEntry } from '#surveys/store/surveys.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws, storedEmails } from '../../support/local-aws.ts';
import { drainNotices, drainQueue } from '../../support/notices.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
const handlers: Record<string, unknown> = {};

const load = async (name: string) => {
  handlers[name] ??= (await import(`../../../functions/surveys/${name}.ts`)).handler;
  return handlers[name];
};

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  handlers.sendNotice = (await import('../../../functions/notices/send-notice.ts')).handler;
});
afterEach(() => setNow(null));
afterAll(() => aws.stop());

const createSurveys = async () => drainQueue('SURVEYS_QUEUE_URL', await load('create-surveys'));

/** Registers a complaint and walks it to closed; the closing is approved at `closeAt` when given. */
const closedComplaint = async (complaint: Record<string, unknown> = {}, closeAt?: Date): Promise<CaseView> => {
  const created = await api.submit(aComplaint(complaint));
  const steps: [string, Principal, unknown][] = [
    ['accept', demo.dispatcher, {}],
    ['assign', demo.dispatcher, demoAssignmentInput],
    ['sign', demo.handler, {}],
    [
      'submit-result',
      demo.handler,
      { result: '现场检查属实，已责令整改。', publicReply: '经查属实，已责令企业停止夜间作业。' },
    ],
  ];
  for (const [action, principal, body] of steps) {
    const response = await api.act(created.id, action, principal, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
  }
  if (closeAt) setNow(closeAt);
  const approved = await api.act(created.id, 'approve-result', demo.lead, {});
  expect(approved.statusCode, approved.body).toBe(200);
  return created;
};

const emailsTo = async (to: string, number: string) =>
  (await storedEmails(aws.sesEndpoint)).filter(
    (email) => email.destination.to.includes(to) && email.subject.includes(number),
  );

const surveyEmailsOf = async (to: string, number: string) =>
  (await emailsTo(to, number)).filter((email) => email.subject.includes('评价'));

const tokenIn = (text: string): string => {
  const match = /\/survey\/([A-Za-z0-9_-]{27})\?answer=satisfied/.exec(text);
  if (!match?.[1]) throw new Error(`no survey link in:\n${text}`);
  return match[1];
};

const publicSurvey = async (token: string, method: 'GET' | 'POST' = 'GET', body?: unknown) =>
  invoke(
    await load(method === 'GET' ? 'get-survey' : 'answer-survey'),
    apiEvent({
      method,
      path: `/v1/surveys/${token}`,
      routeKey: `${method} /v1/surveys/{token}`,
      pathParameters: { token },
      ...(body ? { body } : {}),
    }),
  );

const caseSurveys = async (id: string, principal: Principal = demo.dispatcher) =>
  invoke(
    await load('list-case-surveys'),
    apiEvent({
      method: 'GET',
      path: `/v1/cases/${id}/surveys`,
      routeKey: 'GET /v1/cases/{id}/surveys',
      pathParameters: { id },
      principal,
    }),
  );

const callList = async (principal: Principal = demo.operator) =>
  bodyOf<CallListEntry[]>(
    await invoke(
      await load('list-follow-ups'),
      apiEvent({ method: 'GET', path: '/v1/follow-ups', routeKey: 'GET /v1/follow-ups', principal }),
    ),
  );

const followUp = async (id: string, body: unknown, principal: Principal = demo.operator) =>
  invoke(
    await load('record-follow-up'),
    apiEvent({
      method: 'POST',
      path: `/v1/follow-ups/${id}`,
      routeKey: 'POST /v1/follow-ups/{id}',
      pathParameters: { id },
      principal,
      body,
    }),
  );

const summary = async (query: Record<string, string>, principal: Principal = demo.supervisor) =>
  invoke(
    await load('get-survey-summary'),
    apiEvent({ method: 'GET', path: '/v1/surveys/summary', routeKey: 'GET /v1/surveys/summary', principal, query }),
  );

describe('a closed complaint with an email', () => {
  it('gets exactly one survey email, even when the closing is delivered twice; one click answers it, a second is refused', async () => {
    const created = await closedComplaint({
      complainant: { name: '李女士', email: 'li@example.cn', anonymous: false, confidential: false },
    });
    expect(await createSurveys()).toBe(1);
    // The relay may send the event again (a lost answer from SQS): the consumer finds its survey and its email sent.
    const [survey] = bodyOf<Survey[]>(await caseSurveys(created.id));
    const again = JSON.stringify({
      id: 'again',
      type: 'case-closed',
      caseId: created.id,
      occurredAt: new Date().toISOString(),
      sequence: 6,
    });
    const { sqsEvent } = await import('../../support/sqs-event.ts');
    expect(await invoke(await load('create-surveys'), sqsEvent(again))).toEqual({ batchItemFailures: [] });

    const emails = await surveyEmailsOf('li@example.cn', created.number);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toBe(`请您评价办理结果（${created.number}）`);
    expect(emails[0]?.body.text).toContain('经查属实，已责令企业停止夜间作业。');
    expect(emails[0]?.body.text).not.toContain('内部');
    expect(survey).toMatchObject({
      channel: 'email',
      status: 'pending',
      caseId: created.id,
      unitId: 'east-enforcement',
    });

    const token = tokenIn(emails[0]?.body.text ?? '');
    const shown = bodyOf<PublicSurvey>(await publicSurvey(token));
    expect(shown).toMatchObject({ caseNumber: created.number, canAnswer: true, status: 'pending' });
    expect(JSON.stringify(shown)).not.toMatch(/李女士|li@example|13812345678|handler|lead/);

    const answered = await publicSurvey(token, 'POST', { satisfaction: 'satisfied' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(bodyOf<PublicSurvey>(answered)).toMatchObject({
      status: 'answered',
      canAnswer: false,
      answer: { satisfaction: 'satisfied' },
    });
    const [onCase] = bodyOf<Survey[]>(await caseSurveys(created.id));
    expect(onCase).toMatchObject({
      status: 'answered',
      answer: { satisfaction: 'satisfied', via: 'email', by: '投诉人' },
    });

    const second = await publicSurvey(token, 'POST', { satisfaction: 'dissatisfied' });
    expect(second.statusCode).toBe(409);
    expect(bodyOf<{ detail: string }>(second).detail).toContain('只能评价一次');
    expect((await api.read(created.id)).statusCode).toBe(200);
    expect(bodyOf<CaseView>(await api.read(created.id)).state).toBe('closed');
  });

  it('a dissatisfied answer puts the case in review-requested for its lead, who is emailed; nothing reopens', async () => {
    const created = await closedComplaint({
      complainant: { name: '赵先生', email: 'zhao@example.cn', anonymous: false, confidential: false },
    });
    await createSurveys();
    const [email] = await surveyEmailsOf('zhao@example.cn', created.number);
    const token = tokenIn(email?.body.text ?? '');

    const response = await publicSurvey(token, 'POST', {
      satisfaction: 'dissatisfied',
      solved: 'no',
      comment: '夜里还是很吵。',
    });
    expect(response.statusCode, response.body).toBe(200);
    await drainNotices(handlers.sendNotice);

    const found = bodyOf<CaseView>(await api.read(created.id));
    expect(found.state).toBe('review-requested');
    expect(found.history?.at(-1)).toMatchObject({
      action: 'request-review',
      actor: '投诉人',
      role: 'public',
      reason: '回访评价：不满意。投诉人意见：夜里还是很吵。',
    });
    const toLead = await emailsTo('lead@greenline.local', created.number);
    expect(toLead.map((each) => each.subject)).toContain(`【申请复核】${created.number} 噪声污染`);
  });

  it('is reminded once after 3 days, with a link that answers it; unanswered after 15 days it is not evaluated', async () => {
    const created = await closedComplaint(
      { complainant: { name: '孙女士', email: 'sun@example.cn', anonymous: false, confidential: false } },
      beijing('2026-12-01T10:00:00'),
    );
    await createSurveys();
    const sweep = async (at: string) =>
      invoke(await load('sweep-surveys'), { schedule: 'survey-sweep', scheduledTime: beijing(at).toISOString() });
    await sweep('2026-12-03T09:00:00');
    expect(await surveyEmailsOf('sun@example.cn', created.number)).toHaveLength(1);
    await sweep('2026-12-05T09:00:00');
    await sweep('2026-12-06T09:00:00');
    const emails = await surveyEmailsOf('sun@example.cn', created.number);
    expect(emails.map((email) => email.subject)).toEqual([
      `请您评价办理结果（${created.number}）`,
      `提醒：请您评价办理结果（${created.number}）`,
    ]);
    const [, reminder] = emails;
    const fresh = tokenIn(reminder?.body.text ?? '');
    expect(bodyOf<PublicSurvey>(await publicSurvey(fresh)).canAnswer).toBe(true);

    await sweep('2026-12-17T09:00:00');
    const [expired] = bodyOf<Survey[]>(await caseSurveys(created.id));
    expect(expired).toMatchObject({ status: 'not-evaluated' });
    expect(expired?.answer).toBeUndefined();
    setNow(beijing('2026-12-17T10:00:00'));
    const late = await publicSurvey(fresh, 'POST', { satisfaction: 'satisfied' });
    expect(late.statusCode).toBe(409);
  });

  it('refuses a malformed or unknown token without telling which', async () => {
    expect((await publicSurvey('short')).statusCode).toBe(400);
    expect((await publicSurvey('A'.repeat(27))).statusCode).toBe(404);
  });
});

describe('a phone-only complainant', () => {
  const phoneOnly = { complainant: { name: '钱女士', phone: '13900001111', anonymous: false, confidential: false } };

  it('is on the call list the working day after a Friday close (Monday), with the number masked until revealed', async () => {
    const created = await closedComplaint(phoneOnly, beijing('2026-12-04T16:00:00'));
    await createSurveys();
    const [survey] = bodyOf<Survey[]>(await caseSurveys(created.id));
    expect(survey).toMatchObject({ channel: 'phone', callDueDate: '2026-12-07', phoneHint: '139****1111' });
    expect((await callList()).map((entry) => entry.surveyId)).not.toContain(survey?.id);

    setNow(beijing('2026-12-07T09:00:00'));
    const due = (await callList()).find((entry) => entry.surveyId === survey?.id);
    expect(due).toMatchObject({ caseNumber: created.number, phoneHint: '139****1111', attempts: 0 });
    expect(JSON.stringify(due)).not.toContain('13900001111');

    const reveal = await invoke(
      await load('reveal-follow-up-contact'),
      apiEvent({
        method: 'POST',
        path: `/v1/follow-ups/${survey?.id}/contact`,
        routeKey: 'POST /v1/follow-ups/{id}/contact',
        pathParameters: { id: survey?.id as string },
        principal: demo.operator,
      }),
    );
    expect(bodyOf(reveal)).toEqual({ phone: '13900001111', name: '钱女士' });
    const { listPersonalDataAccess } = await import('#cases/store/access-log.ts');
    expect((await listPersonalDataAccess(created.id)).map((access) => access.purpose)).toContain(
      '电话回访：查看投诉人电话',
    );

    const recorded = await followUp(survey?.id as string, {
      outcome: 'answered',
      satisfaction: 'basically-satisfied',
      solved: 'partly',
      version: due?.version,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(bodyOf<Survey>(recorded)).toMatchObject({ status: 'answered', answer: { via: 'phone', by: 'operator' } });
    expect((await callList()).map((entry) => entry.surveyId)).not.toContain(survey?.id);
  });

  it('closed before the National Day holiday is called on the first working day after it', async () => {
    const created = await closedComplaint(phoneOnly, beijing('2026-09-30T15:00:00'));
    await createSurveys();
    const [survey] = bodyOf<Survey[]>(await caseSurveys(created.id));
    expect(survey?.callDueDate).toBe('2026-10-08');
  });

  it('counts as unreachable after calls on 3 different working days, and leaves the call list', async () => {
    const created = await closedComplaint(phoneOnly, beijing('2026-12-07T10:00:00'));
    await createSurveys();
    const [survey] = bodyOf<Survey[]>(await caseSurveys(created.id));
    const id = survey?.id as string;
    let version = survey?.version as number;
    for (const day of ['2026-12-08', '2026-12-08', '2026-12-09', '2026-12-10']) {
      setNow(beijing(`${day}T10:00:00`));
      const response = await followUp(id, { outcome: 'unreachable', note: '无人接听', version });
      expect(response.statusCode, response.body).toBe(200);
      version = bodyOf<Survey>(response).version;
    }
    const [after] = bodyOf<Survey[]>(await caseSurveys(created.id));
    expect(after).toMatchObject({ status: 'unreachable', attempts: { length: 4 } });
    setNow(beijing('2026-12-11T10:00:00'));
    expect((await callList()).map((entry) => entry.surveyId)).not.toContain(id);
  });
});

describe('an anonymous complaint without contact', () => {
  it('has no survey to send and counts as no contact', async () => {
    const created = await closedComplaint({ complainant: { anonymous: true, confidential: false } });
    await createSurveys();
    const [survey] = bodyOf<Survey[]>(await caseSurveys(created.id));
    expect(survey).toMatchObject({ channel: 'none', status: 'no-contact' });
    expect(await surveyEmailsOf('li@example.cn', created.number)).toHaveLength(0);
  });
});

describe('GET /v1/surveys/summary', () => {
  it('reads the figures from counters, includes the units below, and agrees with a recount', async () => {
    const month = { from: '2026-09-01', to: '2026-12-31' };
    const city = bodyOf<SurveySummary>(await summary({ ...month, recount: 'true' }));
    expect(city.recount?.matches).toBe(true);
    expect(city.counts.surveys).toBeGreaterThanOrEqual(5);
    expect(city.counts.unreachable).toBeGreaterThanOrEqual(1);
    const east = bodyOf<SurveySummary>(await summary({ ...month, unit: 'east' }));
    expect(east.counts).toEqual(city.counts);
    expect(city.satisfaction.formula).toContain('满意度');
  });

  it('gives a petition office’s dispatcher the figures of the unit it serves', async () => {
    const figures = bodyOf<SurveySummary>(await summary({ from: '2026-09-01', to: '2026-12-31' }, demo.dispatcher));
    expect(figures.unitId).toBe('city');
    expect(figures.counts.surveys).toBeGreaterThanOrEqual(5);
  });

  it('refuses a unit outside the caller’s own, and a handler', async () => {
    const lead = aPrincipal('lead', 'east');
    expect((await summary({ unit: 'city' }, lead)).statusCode).toBe(403);
    expect((await summary({}, demo.handler)).statusCode).toBe(403);
    expect((await summary({ from: '2026-12-31', to: '2026-01-01' })).statusCode).toBe(400);
  });
});
