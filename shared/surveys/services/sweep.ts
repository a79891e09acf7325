import { getCase } from '#cases/services/records.ts';
import { logger } from '#platform/logger.ts';
import { expireSurvey, isExpired, markReminded, type Survey } from '#surveys/domain/survey.ts';
import { SurveyConflictError } from '#surveys/store/errors.ts';
import { addToken, listDueSurveys, saveSurvey } from '#surveys/store/surveys.ts';
import { sendSurveyEmail } from './mail.ts';
import { issueToken } from './tokens.ts';

export interface SweepReport {
  readonly reminded: number;
  readonly expired: number;
  readonly skipped: number;
}

/** The reminder of an email survey: a fresh token (the first one is never stored), the email once, then marked. */
const remind = async (survey: Survey, at: Date): Promise<void> => {
  const email = (await getCase(survey.caseId)).complaint?.complainant?.email;
  if (email) {
    const { token, hash } = issueToken();
    await addToken(survey, hash);
    await sendSurveyEmail('reminder', survey, email, token);
  }
  await saveSurvey(survey, markReminded(survey, at));
};

/**
 * The survey sweep: each pending survey whose reminder is due gets its one reminder; each one past its deadline
 * counts as not evaluated (never as satisfied). Reads only pending surveys that are due (a sparse index); a survey
 * someone changed meanwhile is left for the next run.
 */
export const sweepSurveys = async (at: Date): Promise<SweepReport> => {
  let reminded = 0;
  let expired = 0;
  let skipped = 0;
  for (;;) {
    const due = await listDueSurveys(at);
    const progressBefore = reminded + expired;
    for (const survey of due) {
      try {
        if (isExpired(survey, at)) {
          await saveSurvey(survey, expireSurvey(survey, at));
          expired += 1;
        } else if (survey.remindAt && !survey.remindedAt && survey.remindAt <= at.toISOString()) {
          await remind(survey, at);
          reminded += 1;
        } else {
          skipped += 1;
        }
      } catch (error) {
        if (!(error instanceof SurveyConflictError)) throw error;
        logger.info('survey changed during the sweep; left for the next run', { surveyId: survey.id });
        skipped += 1;
      }
    }
    if (due.length < 100 || reminded + expired === progressBefore) return { reminded, expired, skipped };
  }
};
