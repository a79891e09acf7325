import { createHash } from 'node:crypto';
import type { Case } from '#cases/domain/case.ts';
import { getCase, getHistoryEntry } from '#cases/services/records.ts';
import { computeDeadline } from '#deadlines/domain/periods.ts';
import { loadCalendar } from '#deadlines/services/calendar.ts';
import { now } from '#platform/clock.ts';
import { bureauDate, bureauYear } from '#platform/domain/time.ts';
import { z } from '#platform/domain/zod.ts';
import { logger } from '#platform/logger.ts';
import { createSurvey, markInvited, type Survey } from '#surveys/domain/survey.ts';
import { SurveyConflictError } from '#surveys/store/errors.ts';
import { addToken, findSurvey, saveSurvey } from '#surveys/store/surveys.ts';
import { sendSurveyEmail } from './mail.ts';
import { loadSurveySettings } from './settings.ts';
import { issueToken } from './tokens.ts';

/** What the surveys queue carries: closings (the catalog's `carries`), as the outbox relay sends them. */
export const closingMessageSchema = z.looseObject({
  id: z.string().min(1),
  type: z.literal('case-closed'),
  caseId: z.string().min(1),
  sequence: z.int().positive().optional(),
});

/** The close that a `case-closed` event reports: the history entry it names. */
export interface CloseEvent {
  readonly caseId: string;
  readonly sequence?: number;
}

/** One survey per complainant per closing: the same event delivered twice finds the same id. */
const surveyIdFor = (result: Case, sequence: number, asked: Case): string =>
  createHash('sha256').update(`${result.id}:${sequence}:${asked.id}`).digest('base64url').slice(0, 22);

/** The working day after `at` (Asia/Shanghai, the deadlines capability's calendar): when a follow-up call is due. */
const nextWorkingDay = async (at: Date): Promise<string> => {
  const year = bureauYear(at);
  const calendar = await loadCalendar([year, year + 1]);
  return computeDeadline(
    at,
    { amount: 1, unit: 'working-days', startsNextDay: true, rollsOverHolidays: true },
    calendar,
  ).dueDate;
};

/**
 * The surveys a closed complaint calls for: one for its complainant and one for each duplicate merged into it, each
 * by email, by phone or — anonymous without contact — none (counted as such). Only a result approved after handling
 * is surveyed: a lead confirming a result after a review closes the case again without a new survey.
 *
 * Exactly once per complainant and closing, whatever is retried: the survey's id comes from the closing and the case,
 * its creation is a conditional put, and its email is sent once (idempotency record) before it is marked invited.
 */
export const createSurveysFor = async (event: CloseEvent): Promise<Survey[]> => {
  if (event.sequence === undefined) return [];
  const [result, entry] = await Promise.all([getCase(event.caseId), getHistoryEntry(event.caseId, event.sequence)]);
  if (result.kind !== 'complaint' || entry?.action !== 'approve-result' || entry.toState !== 'closed') return [];
  const closedAt = new Date(entry.at);
  const [settings, callDueDate, duplicates] = await Promise.all([
    loadSurveySettings(),
    nextWorkingDay(closedAt),
    Promise.all(result.mergedCases.map(getCase)),
  ]);
  const surveys: Survey[] = [];
  for (const asked of [result, ...duplicates]) {
    const complainant = asked.complaint?.complainant;
    const draft = createSurvey({
      id: surveyIdFor(result, event.sequence, asked),
      caseId: asked.id,
      resultCaseId: result.id,
      unitPath: result.assignment?.departmentPath ?? result.unitPath,
      intakePath: asked.unitPath,
      closedAt: entry.at,
      closedDate: bureauDate(closedAt),
      contact: { email: complainant?.email, phone: complainant?.phone },
      subject: {
        caseNumber: asked.number,
        category: result.complaint?.category ?? 'other',
        ...(result.complaint?.place.town ? { town: result.complaint.place.town } : {}),
        publicReply: result.result?.publicReply ?? '',
      },
      callDueDate,
      now: now(),
      settings,
    });
    surveys.push(await invite(await store(draft), complainant?.email));
  }
  return surveys;
};

/** Stores a new survey, or finds it stored by an earlier delivery; with the token of its first email, if new. */
const store = async (draft: Survey): Promise<{ survey: Survey; token?: string }> => {
  const existing = await findSurvey(draft.id);
  if (existing) return { survey: existing };
  const issued = draft.channel === 'email' ? issueToken() : undefined;
  try {
    await saveSurvey(undefined, draft, {
      ...(issued ? { tokenHash: issued.hash } : {}),
      linkedCases: [draft.caseId, draft.resultCaseId],
    });
    return { survey: draft, ...(issued ? { token: issued.token } : {}) };
  } catch (error) {
    if (!(error instanceof SurveyConflictError)) throw error;
    const stored = await findSurvey(draft.id);
    if (!stored) throw error;
    return { survey: stored };
  }
};

/** Emails the invitation once. A survey stored by an earlier delivery gets a fresh token: the first one is not kept. */
const invite = async ({ survey, token }: { survey: Survey; token?: string }, email: string | undefined) => {
  if (survey.channel !== 'email' || survey.invitedAt || !email) return survey;
  let link = token;
  if (!link) {
    const issued = issueToken();
    await addToken(survey, issued.hash);
    link = issued.token;
  }
  await sendSurveyEmail('invitation', survey, email, link);
  const invited = markInvited(survey, now());
  try {
    await saveSurvey(survey, invited);
    return invited;
  } catch (error) {
    // Answered in the meantime (the email is out): the answer stands, and the next delivery finds the email sent.
    if (error instanceof SurveyConflictError) {
      logger.info('survey changed while its invitation was marked', { surveyId: survey.id });
      return survey;
    }
    throw error;
  }
};
