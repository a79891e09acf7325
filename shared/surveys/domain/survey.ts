/**
 * The follow-up survey (回访) of a closed complaint: how it reaches the complainant, what they answer, and how it ends.
 * Pure: the clock, ids and the working calendar's answer are inputs.
 *
 * A survey rates one result: the case whose result was approved (`resultCaseId`), asked of the complainant of that
 * case or of a duplicate merged into it (`caseId`). It is counted under the unit that handled the result and every
 * unit above it (`unitPath`), on the day the result was closed (`closedDate`, Asia/Shanghai), whatever day it is
 * answered: a period's figures are those of the complaints closed in it.
 */

import { maskPhone } from '#cases/domain/privacy.ts';
import { ConflictError, ValidationError } from '#platform/domain/errors.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';

export const satisfactionLabels = {
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
} as const;
export type Satisfaction = keyof typeof satisfactionLabels;
export const satisfactions = Object.keys(satisfactionLabels) as Satisfaction[];

export const solvedLabels = { yes: '已解决', partly: '部分解决', no: '未解决' } as const;
export type Solved = keyof typeof solvedLabels;

/** `email`: links in an email; `phone`: a call by an operator; `none`: no way to ask (anonymous, no contact). */
export type SurveyChannel = 'email' | 'phone' | 'none';

export const statusLabels = {
  pending: '待评价',
  answered: '已评价',
  'not-evaluated': '未评价（逾期）',
  unreachable: '无法联系',
  invalid: '无效评价',
  'no-contact': '无联系方式',
} as const;
export type SurveyStatus = keyof typeof statusLabels;
export const surveyStatuses = Object.keys(statusLabels) as SurveyStatus[];

export interface SurveyAnswer {
  readonly satisfaction: Satisfaction;
  readonly solved?: Solved;
  readonly comment?: string;
  readonly at: string;
  /** `complainant` for an answer given on the survey page, else the operator who took it by phone. */
  readonly by: string;
  readonly via: 'email' | 'phone';
}

export interface CallAttempt {
  readonly at: string;
  /** The working day of the attempt (Asia/Shanghai). */
  readonly date: string;
  readonly by: string;
  readonly note?: string;
}

/** One entry of a survey's own history: what happened to it, when, by whom, and why. */
export interface SurveyEvent {
  readonly at: string;
  readonly by: string;
  readonly what:
    | 'created'
    | 'invited'
    | 'reminded'
    | 'call-attempt'
    | 'answered'
    | 'expired'
    | 'unreachable'
    | 'invalidated';
  readonly note?: string;
}

/** What the survey page may show: the matter and its result, never a person. */
export interface SurveySubject {
  readonly caseNumber: string;
  readonly category: string;
  readonly town?: string;
  readonly publicReply: string;
}

export interface Survey {
  readonly id: string;
  /** The complainant's case: the one closed, or a duplicate merged into it. */
  readonly caseId: string;
  /** The case whose result is rated. */
  readonly resultCaseId: string;
  /** The unit that handled the result, and its path from the root: the survey counts in each. */
  readonly unitId: string;
  readonly unitPath: readonly string[];
  /** The complainant's case's path: the operators of these units call. */
  readonly intakePath: readonly string[];
  readonly closedAt: string;
  readonly closedDate: string;
  readonly channel: SurveyChannel;
  readonly status: SurveyStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** Email surveys: when the one reminder is due, until it is sent. */
  readonly remindAt?: string;
  readonly remindedAt?: string;
  readonly invitedAt?: string;
  /** Phone surveys: the working day the call is due; moves to the next working day after an unanswered call. */
  readonly callDueDate?: string;
  /** Phone surveys: the number masked (138****5678); the number itself stays on the case, shown on request. */
  readonly phoneHint?: string;
  readonly attempts: readonly CallAttempt[];
  readonly answer?: SurveyAnswer;
  readonly invalidation?: { readonly reason: string; readonly by: string; readonly at: string };
  readonly subject: SurveySubject;
  readonly history: readonly SurveyEvent[];
}

/** Admin-configurable figures (stored as data, with these defaults). */
export interface SurveySettings {
  /** Days after the invitation that the one reminder email goes out. */
  readonly reminderAfterDays: number;
  /** Days after closing that an unanswered survey stops accepting answers and counts as not evaluated. */
  readonly expiryDays: number;
  /** Unanswered calls, each on a different working day, after which the complainant counts as unreachable. */
  readonly maxCallAttempts: number;
}

export const defaultSurveySettings: SurveySettings = { reminderAfterDays: 3, expiryDays: 15, maxCallAttempts: 3 };

export const surveySettingsSchema = z
  .object({
    reminderAfterDays: z.int().min(1).max(30),
    expiryDays: z.int().min(2).max(90),
    maxCallAttempts: z.int().min(1).max(10),
  })
  .strict()
  .refine((settings) => settings.reminderAfterDays < settings.expiryDays, {
    path: ['reminderAfterDays'],
    message: '提醒天数必须小于评价期限天数',
  });

/** A complainant's answer, from the survey page or an operator's call. */
export const answerSchema = z
  .object({
    satisfaction: z.enum(satisfactions as [Satisfaction, ...Satisfaction[]]),
    solved: z.enum(['yes', 'partly', 'no']).optional(),
    comment: plainText(1, 1000).optional(),
  })
  .strict();
export type AnswerInput = z.output<typeof answerSchema>;

const dayMs = 86_400_000;

export interface NewSurvey {
  readonly id: string;
  readonly caseId: string;
  readonly resultCaseId: string;
  readonly unitPath: readonly string[];
  readonly intakePath: readonly string[];
  readonly closedAt: string;
  readonly closedDate: string;
  readonly contact: { readonly email?: string; readonly phone?: string };
  readonly subject: SurveySubject;
  /** Phone surveys: the working day after closing (the deadlines capability's calendar). */
  readonly callDueDate: string;
  readonly now: Date;
  readonly settings: SurveySettings;
}

/** The channel a complainant can be asked by: email first (one click), else a call, else none. */
export const channelFor = (contact: NewSurvey['contact']): SurveyChannel =>
  contact.email ? 'email' : contact.phone ? 'phone' : 'none';

export const createSurvey = (input: NewSurvey): Survey => {
  const at = input.now.toISOString();
  const channel = channelFor(input.contact);
  const expiresAt = new Date(new Date(input.closedAt).getTime() + input.settings.expiryDays * dayMs).toISOString();
  return {
    id: input.id,
    caseId: input.caseId,
    resultCaseId: input.resultCaseId,
    unitId: input.unitPath.at(-1) as string,
    unitPath: input.unitPath,
    intakePath: input.intakePath,
    closedAt: input.closedAt,
    closedDate: input.closedDate,
    channel,
    status: channel === 'none' ? 'no-contact' : 'pending',
    version: 1,
    createdAt: at,
    expiresAt,
    ...(channel === 'email'
      ? { remindAt: new Date(input.now.getTime() + input.settings.reminderAfterDays * dayMs).toISOString() }
      : {}),
    ...(channel === 'phone'
      ? { callDueDate: input.callDueDate, phoneHint: maskPhone(input.contact.phone as string) }
      : {}),
    attempts: [],
    subject: input.subject,
    history: [{ at, by: 'system', what: 'created', note: channelNotes[channel] }],
  };
};

const channelNotes: Record<SurveyChannel, string> = {
  email: '发送评价邮件',
  phone: '列入电话回访清单',
  none: '匿名且无联系方式，不回访',
};

/** When the survey sweep must next look at a pending survey (its reminder, else its expiry); none once finished. */
export const nextCheckAt = (survey: Survey): string | undefined => {
  if (survey.status !== 'pending') return undefined;
  return survey.remindAt && !survey.remindedAt && survey.remindAt < survey.expiresAt
    ? survey.remindAt
    : survey.expiresAt;
};

export const isExpired = (survey: Survey, now: Date): boolean => survey.expiresAt <= now.toISOString();

/** Why a survey no longer takes an answer, or undefined when it does. */
export const refusalOf = (survey: Survey, now: Date): string | undefined => {
  if (survey.status === 'answered') return '该回访已评价，每次回访只能评价一次，感谢您的反馈';
  if (survey.status !== 'pending') return `该回访已结束（${statusLabels[survey.status]}），不能再评价`;
  if (isExpired(survey, now)) return '该回访已过评价期限，不能再评价';
  return undefined;
};

const bump = (survey: Survey, at: string, event: Omit<SurveyEvent, 'at'>, patch: Partial<Survey>): Survey => ({
  ...survey,
  ...patch,
  version: survey.version + 1,
  history: [...survey.history, { at, ...event }],
});

/** Records the complainant's answer. Throws ConflictError when the survey takes no answer any more. */
export const answerSurvey = (
  survey: Survey,
  input: AnswerInput,
  by: { readonly username: string; readonly via: 'email' | 'phone' },
  now: Date,
): Survey => {
  const refusal = refusalOf(survey, now);
  if (refusal) throw new ConflictError(refusal);
  const at = now.toISOString();
  const answer: SurveyAnswer = { ...input, at, by: by.username, via: by.via };
  return bump(
    survey,
    at,
    { by: by.username, what: 'answered', note: satisfactionLabels[input.satisfaction] },
    { status: 'answered', answer, callDueDate: undefined },
  );
};

/**
 * Records a call that reached nobody. After `maxCallAttempts` attempts on different working days the complainant
 * counts as unreachable; otherwise the call is due again on `nextWorkingDay`.
 */
export const recordUnreachableCall = (
  survey: Survey,
  call: { readonly by: string; readonly note?: string; readonly today: string; readonly nextWorkingDay: string },
  settings: SurveySettings,
  now: Date,
): Survey => {
  if (survey.channel !== 'phone') throw new ConflictError('该回访不是电话回访');
  const refusal = refusalOf(survey, now);
  if (refusal) throw new ConflictError(refusal);
  const at = now.toISOString();
  const attempts = [
    ...survey.attempts,
    { at, date: call.today, by: call.by, ...(call.note ? { note: call.note } : {}) },
  ];
  const days = new Set(attempts.map((attempt) => attempt.date)).size;
  const note = `第 ${attempts.length} 次呼叫未接通（${days} 个工作日）${call.note ? `：${call.note}` : ''}`;
  if (days >= settings.maxCallAttempts) {
    return bump(
      survey,
      at,
      { by: call.by, what: 'unreachable', note },
      { attempts, status: 'unreachable', callDueDate: undefined },
    );
  }
  return bump(survey, at, { by: call.by, what: 'call-attempt', note }, { attempts, callDueDate: call.nextWorkingDay });
};

/** The reminder went out: it is sent once. */
export const markReminded = (survey: Survey, now: Date): Survey =>
  bump(survey, now.toISOString(), { by: 'system', what: 'reminded' }, { remindedAt: now.toISOString() });

export const markInvited = (survey: Survey, now: Date): Survey =>
  bump(survey, now.toISOString(), { by: 'system', what: 'invited' }, { invitedAt: now.toISOString() });

/** Past its expiry without an answer: not evaluated, never satisfied. */
export const expireSurvey = (survey: Survey, now: Date): Survey => {
  if (survey.status !== 'pending') throw new ConflictError('只有待评价的回访会逾期');
  return bump(
    survey,
    now.toISOString(),
    { by: 'system', what: 'expired' },
    { status: 'not-evaluated', callDueDate: undefined },
  );
};

export const invalidationSchema = z.object({ reason: plainText(4, 500), version: z.int().positive() }).strict();

/**
 * A supervisor judges an answer invalid (e.g. the complainant rated something else, or a malicious answer), with a
 * written reason: it leaves the evaluated figures and is reported among the excluded.
 */
export const invalidateSurvey = (survey: Survey, reason: string, by: string, now: Date): Survey => {
  if (survey.status !== 'answered') throw new ConflictError('只有已评价的回访可以判定为无效');
  if (!reason.trim()) throw new ValidationError([{ path: 'reason', message: '请填写判定无效的理由' }]);
  const at = now.toISOString();
  return bump(
    survey,
    at,
    { by, what: 'invalidated', note: reason },
    { status: 'invalid', invalidation: { reason, by, at } },
  );
};
