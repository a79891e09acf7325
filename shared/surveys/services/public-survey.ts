import { now } from '#platform/clock.ts';
import { NotFoundError } from '#platform/domain/errors.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { tokenSchema } from '#surveys/domain/requests.ts';
import { refusalOf, type Satisfaction, type Solved, type Survey, type SurveyStatus } from '#surveys/domain/survey.ts';
import { findSurvey, findSurveyIdByToken } from '#surveys/store/surveys.ts';
import { hashToken } from './tokens.ts';

/** What the survey page shows: the matter and its result, the state of the survey; no person, no official. */
export interface PublicSurvey {
  readonly caseNumber: string;
  readonly category: string;
  readonly town?: string;
  readonly publicReply: string;
  readonly closedAt: string;
  readonly expiresAt: string;
  readonly status: SurveyStatus;
  /** Whether an answer is still taken; when not, `refusal` says why. */
  readonly canAnswer: boolean;
  readonly refusal?: string;
  readonly answer?: { readonly satisfaction: Satisfaction; readonly solved?: Solved; readonly at: string };
}

const unknownLink = '评价链接无效或已失效，请使用邮件中的完整链接';

export const surveyOfToken = async (token: unknown): Promise<Survey> => {
  const parsed = parseWith(tokenSchema, token);
  const id = await findSurveyIdByToken(hashToken(parsed));
  const survey = id ? await findSurvey(id) : undefined;
  if (!survey) throw new NotFoundError(unknownLink);
  return survey;
};

export const publicSurvey = (survey: Survey, at: Date): PublicSurvey => {
  const refusal = refusalOf(survey, at);
  const { subject, answer } = survey;
  return {
    caseNumber: subject.caseNumber,
    category: subject.category,
    ...(subject.town ? { town: subject.town } : {}),
    publicReply: subject.publicReply,
    closedAt: survey.closedAt,
    expiresAt: survey.expiresAt,
    status: survey.status,
    canAnswer: refusal === undefined,
    ...(refusal ? { refusal } : {}),
    ...(answer
      ? {
          answer: {
            satisfaction: answer.satisfaction,
            ...(answer.solved ? { solved: answer.solved } : {}),
            at: answer.at,
          },
        }
      : {}),
  };
};

export const readSurveyByToken = async (token: unknown): Promise<PublicSurvey> =>
  publicSurvey(await surveyOfToken(token), now());
