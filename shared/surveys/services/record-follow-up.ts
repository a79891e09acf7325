import { computeDeadline } from '#deadlines/domain/periods.ts';
import { loadCalendar } from '#deadlines/services/calendar.ts';
import { now } from '#platform/clock.ts';
import { ConflictError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate, bureauYear } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { followUpSchema } from '#surveys/domain/requests.ts';
import { recordUnreachableCall, type Survey } from '#surveys/domain/survey.ts';
import { saveSurvey } from '#surveys/store/surveys.ts';
import { callableSurvey } from './call-list.ts';
import { recordAnswer } from './record-answer.ts';
import { loadSurveySettings } from './settings.ts';

/**
 * What an operator's call came to: the complainant's answer, or nobody reached (the call is due again the next
 * working day; after the settings' number of working days with attempts, the complainant counts as unreachable).
 */
export const recordFollowUp = async (id: string, body: unknown, principal: Principal): Promise<Survey> => {
  const survey = await callableSurvey(id, principal);
  const input = parseWith(followUpSchema, body);
  if (input.version !== survey.version) {
    throw new ConflictError(
      `回访已被他人更新（当前版本 ${survey.version}，您看到的是版本 ${input.version}），请刷新后重试`,
    );
  }
  if (input.outcome === 'answered') {
    const { outcome: _outcome, version: _version, ...answer } = input;
    return recordAnswer(survey.id, answer, { via: 'phone', operator: principal.username });
  }
  const at = now();
  const today = bureauDate(at);
  const calendar = await loadCalendar([bureauYear(at), bureauYear(at) + 1]);
  const nextWorkingDay = computeDeadline(
    at,
    { amount: 1, unit: 'working-days', startsNextDay: true, rollsOverHolidays: true },
    calendar,
  ).dueDate;
  const after = recordUnreachableCall(
    survey,
    { by: principal.username, today, nextWorkingDay, ...(input.note ? { note: input.note } : {}) },
    await loadSurveySettings(),
    at,
  );
  await saveSurvey(survey, after);
  return after;
};
