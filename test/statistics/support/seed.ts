import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { aComplaint, aPrincipal } from '../../support/factories.ts';

const result = { result: '已现场核查并责令整改。', publicReply: '经核查，已责令企业整改。' };

/** The period the seeded complaints were received in (Beijing dates). */
export const seededPeriod = { from: '2026-03-01', to: '2026-03-31' } as const;

/**
 * Complaints received on 2 March 2026, walked through the API to every outcome the reports show: three closed by
 * 城东分局 (one of them answered 满意 in its survey), one rejected, one open at 城西分局, one not yet accepted.
 */
export const seedComplaints = async (): Promise<void> => {
  const api = apiClient();
  const ok = async (id: string, action: string, principal: Principal, body: unknown = {}) => {
    const response = await api.act(id, action, principal, body);
    if (response.statusCode !== 200) throw new Error(`${action}: ${response.body}`);
  };
  setNow(new Date('2026-03-02T02:00:00.000Z'));
  try {
    const closed: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { id } = await api.submit(aComplaint({ channel: index === 0 ? 'letter' : 'hotline' }));
      await ok(id, 'accept', demo.dispatcher);
      await ok(id, 'assign', demo.dispatcher, demoAssignmentInput);
      await ok(id, 'sign', demo.handler);
      await ok(id, 'submit-result', demo.handler, result);
      await ok(id, 'approve-result', demo.lead);
      closed.push(id);
    }
    const rejected = await api.submit(aComplaint({ category: 'water' }));
    await ok(rejected.id, 'reject', demo.dispatcher, { reason: '不属于环保部门职责' });
    const west = await api.submit(aComplaint({ category: 'air' }));
    await ok(west.id, 'accept', demo.dispatcher);
    await ok(west.id, 'assign', demo.dispatcher, {
      departmentId: 'west-enforcement',
      responsibleUsername: 'handler3',
      leadUsername: 'lead2',
    });
    await api.submit(aComplaint());
    await answerSurvey(closed[0] ?? '');
  } finally {
    setNow(null);
  }
};

/** A survey of the closing of `caseId`, answered 满意 by email, as the surveys worker and page would store it. */
const answerSurvey = async (caseId: string): Promise<void> => {
  const { createSurvey, defaultSurveySettings } = await import('#surveys/domain/survey.ts');
  const { saveSurvey } = await import('#surveys/store/surveys.ts');
  const { recordAnswer } = await import('#surveys/services/record-answer.ts');
  const at = new Date('2026-03-02T03:00:00.000Z');
  const survey = createSurvey({
    id: `survey-${caseId}`,
    caseId,
    resultCaseId: caseId,
    unitPath: ['city', 'east', 'east-enforcement'],
    intakePath: ['city', 'city-petition'],
    closedAt: at.toISOString(),
    closedDate: bureauDate(at),
    contact: { email: 'li@example.cn' },
    subject: { caseNumber: caseId, category: 'noise', town: '城东街道', publicReply: '经核查，已责令企业整改。' },
    callDueDate: bureauDate(at),
    now: at,
    settings: defaultSurveySettings,
  });
  await saveSurvey(undefined, survey, { linkedCases: [caseId] });
  await recordAnswer(survey.id, { satisfaction: 'satisfied', solved: 'yes' }, { via: 'email' });
};

/** A handler: may not read statistics. */
export const aHandler = aPrincipal('handler', 'east-enforcement');
