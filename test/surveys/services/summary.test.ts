import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import { setNow } from '#platform/clock.ts';
import { createSurvey, defaultSurveySettings, type Satisfaction } from '#surveys/domain/survey.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
});
afterEach(() => setNow(null));
afterAll(() => aws.stop());

/** A complaint walked to closed: the dissatisfied answer asks its lead for a review. */
const closedCase = async (): Promise<CaseView> => {
  const api = apiClient();
  const created = await api.submit(aComplaint());
  await api.act(created.id, 'accept', demo.dispatcher);
  await api.act(created.id, 'assign', demo.dispatcher, demoAssignmentInput);
  await api.act(created.id, 'sign', demo.handler);
  await api.act(created.id, 'submit-result', demo.handler, { result: '已处理完毕。', publicReply: '已处理完毕。' });
  await api.act(created.id, 'approve-result', demo.lead);
  return created;
};

describe('the survey summary (issue 10 acceptance)', () => {
  it('reads 98% of 50 evaluated for 45 satisfied, 4 basically satisfied, 1 dissatisfied, with 10 not evaluated apart, equal to a recount', async () => {
    const { saveSurvey } = await import('#surveys/store/surveys.ts');
    const { recordAnswer } = await import('#surveys/services/record-answer.ts');
    const { sweepSurveys } = await import('#surveys/services/sweep.ts');
    const { surveySummary } = await import('#surveys/services/summary.ts');
    const rated = await closedCase();
    const closedAt = new Date('2026-03-10T02:00:00.000Z');
    const answers: Satisfaction[] = [
      ...Array<Satisfaction>(45).fill('satisfied'),
      ...Array<Satisfaction>(4).fill('basically-satisfied'),
      'dissatisfied',
    ];
    // 60 complaints closed on 10 March in 城西分局 管理科, asked by phone (no email goes out).
    const ids: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      const survey = createSurvey({
        id: `acceptance-${index}`,
        caseId: rated.id,
        resultCaseId: rated.id,
        unitPath: ['city', 'west', 'west-management'],
        intakePath: ['city', 'city-petition'],
        closedAt: closedAt.toISOString(),
        closedDate: '2026-03-10',
        contact: { phone: '13800000000' },
        subject: { caseNumber: `GL-2026-9${index}`, category: 'noise', publicReply: '已处理完毕。' },
        callDueDate: '2026-03-11',
        now: closedAt,
        settings: defaultSurveySettings,
      });
      await saveSurvey(undefined, survey);
      ids.push(survey.id);
    }
    setNow(new Date('2026-03-12T02:00:00.000Z'));
    for (const [index, satisfaction] of answers.entries()) {
      await recordAnswer(ids[index] as string, { satisfaction, solved: 'yes' }, { via: 'phone', operator: 'operator' });
    }
    const swept = await sweepSurveys(new Date('2026-03-26T01:00:00.000Z'));
    expect(swept.expired).toBeGreaterThanOrEqual(10);

    const summary = await surveySummary(
      { unit: 'west', from: '2026-03-01', to: '2026-03-31', recount: 'true' },
      demo.supervisor,
    );

    expect(summary.satisfaction).toMatchObject({ numerator: 49, denominator: 50, percent: '98%' });
    expect(summary.evaluated).toBe(50);
    expect(summary.excluded).toEqual({ pending: 0, notEvaluated: 10, unreachable: 0, invalid: 0, noContact: 0 });
    expect(summary.counts.surveys).toBe(60);
    expect(summary.daysRead).toBe(1);
    expect(summary.recount).toMatchObject({ surveysRead: 60, matches: true });
  });
});
