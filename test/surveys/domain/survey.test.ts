import { describe, expect, it } from 'vitest';
import {
  answerSurvey,
  createSurvey,
  defaultSurveySettings,
  expireSurvey,
  invalidateSurvey,
  type NewSurvey,
  nextCheckAt,
  recordUnreachableCall,
  refusalOf,
  surveySettingsSchema,
} from '#surveys/domain/survey.ts';

const closedAt = '2026-11-27T02:00:00.000Z';
const draft = (contact: NewSurvey['contact']): NewSurvey => ({
  id: 'S1',
  caseId: 'C1',
  resultCaseId: 'C1',
  unitPath: ['city', 'east', 'east-enforcement'],
  intakePath: ['city', 'city-petition'],
  closedAt,
  closedDate: '2026-11-27',
  contact,
  subject: { caseNumber: 'GL-2026-000001', category: 'noise', town: '城东街道', publicReply: '已责令整改。' },
  callDueDate: '2026-11-30',
  now: new Date(closedAt),
  settings: defaultSurveySettings,
});
const at = (iso: string) => new Date(iso);

describe('a new survey', () => {
  it('asks by email when there is one, with a reminder before the deadline, and counts under the handling unit', () => {
    const survey = createSurvey(draft({ email: 'li@example.cn', phone: '13812345678' }));
    expect(survey).toMatchObject({
      channel: 'email',
      status: 'pending',
      unitId: 'east-enforcement',
      expiresAt: '2026-12-12T02:00:00.000Z',
      remindAt: '2026-11-30T02:00:00.000Z',
    });
    expect(survey.callDueDate).toBeUndefined();
    expect(nextCheckAt(survey)).toBe('2026-11-30T02:00:00.000Z');
  });

  it('puts a phone-only complainant on the call list with the number masked', () => {
    const survey = createSurvey(draft({ phone: '13812345678' }));
    expect(survey).toMatchObject({
      channel: 'phone',
      status: 'pending',
      callDueDate: '2026-11-30',
      phoneHint: '138****5678',
    });
    expect(survey.remindAt).toBeUndefined();
    expect(nextCheckAt(survey)).toBe(survey.expiresAt);
  });

  it('without any contact is no survey at all, only counted as no contact', () => {
    const survey = createSurvey(draft({}));
    expect(survey.status).toBe('no-contact');
    expect(nextCheckAt(survey)).toBeUndefined();
    expect(refusalOf(survey, at(closedAt))).toContain('无联系方式');
  });
});

describe('answering', () => {
  const pending = createSurvey(draft({ email: 'li@example.cn' }));

  it('records one answer; a second is refused with a clear message', () => {
    const answered = answerSurvey(
      pending,
      { satisfaction: 'satisfied', solved: 'yes' },
      { username: '投诉人', via: 'email' },
      at('2026-11-28T00:00:00Z'),
    );
    expect(answered).toMatchObject({
      status: 'answered',
      version: 2,
      answer: { satisfaction: 'satisfied', solved: 'yes', via: 'email' },
    });
    expect(() =>
      answerSurvey(
        answered,
        { satisfaction: 'dissatisfied' },
        { username: '投诉人', via: 'email' },
        at('2026-11-28T01:00:00Z'),
      ),
    ).toThrow('该回访已评价，每次回访只能评价一次');
  });

  it('refuses an answer after the deadline, and expiry makes it not evaluated, never satisfied', () => {
    const late = at('2026-12-12T02:00:00.000Z');
    expect(() =>
      answerSurvey(pending, { satisfaction: 'satisfied' }, { username: '投诉人', via: 'email' }, late),
    ).toThrow('已过评价期限');
    const expired = expireSurvey(pending, late);
    expect(expired.status).toBe('not-evaluated');
    expect(expired.answer).toBeUndefined();
    expect(nextCheckAt(expired)).toBeUndefined();
  });

  it('lets a supervisor judge an answer invalid, with the reason in its history', () => {
    const answered = answerSurvey(
      pending,
      { satisfaction: 'dissatisfied' },
      { username: '投诉人', via: 'email' },
      at('2026-11-28T00:00:00Z'),
    );
    const invalid = invalidateSurvey(answered, '评价内容与本事项无关', 'supervisor', at('2026-11-29T00:00:00Z'));
    expect(invalid.status).toBe('invalid');
    expect(invalid.history.at(-1)).toMatchObject({
      what: 'invalidated',
      by: 'supervisor',
      note: '评价内容与本事项无关',
    });
    expect(() => invalidateSurvey(pending, '理由理由', 'supervisor', at('2026-11-29T00:00:00Z'))).toThrow(
      '只有已评价的回访',
    );
  });
});

describe('calls that reach nobody', () => {
  const phone = createSurvey(draft({ phone: '13812345678' }));
  const call = (survey: typeof phone, today: string, nextWorkingDay: string) =>
    recordUnreachableCall(
      survey,
      { by: 'operator', today, nextWorkingDay },
      defaultSurveySettings,
      at(`${today}T02:00:00Z`),
    );

  it('are tried again the next working day, and only attempts on 3 different working days make it unreachable', () => {
    const first = call(phone, '2026-11-30', '2026-12-01');
    expect(first).toMatchObject({ status: 'pending', callDueDate: '2026-12-01' });
    const sameDay = call(first, '2026-11-30', '2026-12-01');
    expect(sameDay.status).toBe('pending');
    const second = call(sameDay, '2026-12-01', '2026-12-02');
    expect(second.status).toBe('pending');
    const third = call(second, '2026-12-02', '2026-12-03');
    expect(third).toMatchObject({ status: 'unreachable', attempts: { length: 4 } });
    expect(third.callDueDate).toBeUndefined();
  });

  it('do not apply to an email survey', () => {
    expect(() => call(createSurvey(draft({ email: 'a@b.cn' })), '2026-11-30', '2026-12-01')).toThrow('不是电话回访');
  });
});

describe('settings', () => {
  it('refuse a reminder that would come after the deadline, naming the field', () => {
    const result = surveySettingsSchema.safeParse({ reminderAfterDays: 20, expiryDays: 15, maxCallAttempts: 3 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['reminderAfterDays']);
  });
});
