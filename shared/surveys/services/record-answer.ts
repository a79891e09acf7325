import { ulid } from 'ulid';
import type { HistoryEntry } from '#cases/domain/case.ts';
import { performAction, type Transition } from '#cases/domain/workflow.ts';
import { CaseVersionConflictError, commitTransition, getCase } from '#cases/services/records.ts';
import { relayNow } from '#cases/services/relay-events.ts';
import { loadTimeContext } from '#deadlines/services/time-context.ts';
import { now } from '#platform/clock.ts';
import { NotFoundError } from '#platform/domain/errors.ts';
import { type AnswerInput, answerSurvey, type Survey, satisfactionLabels } from '#surveys/domain/survey.ts';
import { SurveyConflictError } from '#surveys/store/errors.ts';
import { findSurvey, saveSurvey, surveyWrites } from '#surveys/store/surveys.ts';

/** Who answered: the complainant on the survey page, or an operator who took the answer by phone. */
export type Answerer = { readonly via: 'email' } | { readonly via: 'phone'; readonly operator: string };

const attempts = 3;

/** The history entry says who asked for the review: the complainant on the page, or the operator on the phone. */
const recordedAs = (transition: Transition, answerer: Answerer): Transition =>
  answerer.via === 'phone'
    ? transition
    : {
        ...transition,
        changes: transition.changes.map((change) => ({
          ...change,
          ...(change.history
            ? { history: { ...change.history, actor: '投诉人', role: 'public' } as HistoryEntry }
            : {}),
        })),
      };

/**
 * Records an answer. A dissatisfied one asks the rated case's lead official for a review (the workflow's
 * `request-review`) in the same transaction as the answer, when the case is still closed; nothing reopens by itself.
 * Someone else's write in between (another answer, an action on the case) is retried with what is stored then: a
 * second answer is refused with ConflictError.
 */
export const recordAnswer = async (surveyId: string, input: AnswerInput, answerer: Answerer): Promise<Survey> => {
  for (let attempt = 1; ; attempt += 1) {
    const survey = await findSurvey(surveyId);
    if (!survey) throw new NotFoundError('回访不存在');
    const at = now();
    const by = answerer.via === 'phone' ? answerer.operator : '投诉人';
    const answered = answerSurvey(survey, input, { username: by, via: answerer.via }, at);
    try {
      const review = input.satisfaction === 'dissatisfied' ? await reviewFor(survey, input, by, at) : undefined;
      if (review) {
        await commitTransition(recordedAs(review, answerer), surveyWrites(survey, answered));
        await relayNow(review.events);
      } else {
        await saveSurvey(survey, answered);
      }
      return answered;
    } catch (error) {
      const raced = error instanceof SurveyConflictError || error instanceof CaseVersionConflictError;
      if (!raced || attempt >= attempts) throw error;
    }
  }
};

/** The review request a dissatisfied answer makes, if the rated case is still closed. */
const reviewFor = async (survey: Survey, input: AnswerInput, by: string, at: Date): Promise<Transition | undefined> => {
  const rated = await getCase(survey.resultCaseId);
  if (rated.state !== 'closed') return undefined;
  const time = await loadTimeContext(at);
  const reason = `回访评价：${satisfactionLabels[input.satisfaction]}${input.comment ? `。投诉人意见：${input.comment}` : '（未留言）'}`;
  // The workflow's `intake` actor records what a complainant says; the root unit is on every case's path.
  const recorder = { username: by, roles: ['operator' as const], unitId: rated.unitPath[0] as string };
  return performAction(rated, 'request-review', { version: rated.version, reason }, recorder, {
    now: at,
    eventId: ulid,
    time,
  });
};
