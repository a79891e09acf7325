import { now } from '#platform/clock.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { answerSchema } from '#surveys/domain/survey.ts';
import { type PublicSurvey, publicSurvey, surveyOfToken } from './public-survey.ts';
import { recordAnswer } from './record-answer.ts';

/** The complainant's answer through a survey link: once, before the deadline. */
export const answerByToken = async (token: unknown, body: unknown): Promise<PublicSurvey> => {
  const survey = await surveyOfToken(token);
  const input = parseWith(answerSchema, body);
  return publicSurvey(await recordAnswer(survey.id, input, { via: 'email' }), now());
};
