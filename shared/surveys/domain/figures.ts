/**
 * The survey figures: what each survey adds to its unit's counters, and the rates read from them. Counters are kept
 * by adding `countDelta(before, after)` in the same transaction as each survey change, so a recount of the surveys
 * (`tally`) always equals them; the property test in test/surveys/domain/figures.test.ts holds the two together.
 */

import { type Rate, rate } from '#platform/domain/rate.ts';
import type { Survey } from './survey.ts';

export type { Rate };

/** What each counter counts. */
export const counterLabels = {
  surveys: '回访总数',
  pending: '待评价',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  solvedYes: '已解决',
  solvedPartly: '部分解决',
  solvedNo: '未解决',
  notEvaluated: '逾期未评价',
  unreachable: '无法联系',
  invalid: '无效评价',
  noContact: '无联系方式',
} as const;
export const counterNames = Object.keys(counterLabels) as (keyof typeof counterLabels)[];
export type CounterName = keyof typeof counterLabels;
export type SurveyCounts = Readonly<Record<CounterName, number>>;

export const zeroCounts = (): Record<CounterName, number> =>
  Object.fromEntries(counterNames.map((name) => [name, 0])) as Record<CounterName, number>;

const satisfactionCounter = {
  satisfied: 'satisfied',
  'basically-satisfied': 'basicallySatisfied',
  dissatisfied: 'dissatisfied',
} as const;
const solvedCounter = { yes: 'solvedYes', partly: 'solvedPartly', no: 'solvedNo' } as const;

/** The counters one survey adds to, as it stands. */
export const countersOf = (survey: Survey): CounterName[] => {
  switch (survey.status) {
    case 'pending':
      return ['surveys', 'pending'];
    case 'answered': {
      const answer = survey.answer;
      if (!answer) return ['surveys'];
      return [
        'surveys',
        satisfactionCounter[answer.satisfaction],
        ...(answer.solved ? [solvedCounter[answer.solved]] : []),
      ];
    }
    case 'not-evaluated':
      return ['surveys', 'notEvaluated'];
    case 'unreachable':
      return ['surveys', 'unreachable'];
    case 'invalid':
      return ['surveys', 'invalid'];
    case 'no-contact':
      return ['surveys', 'noContact'];
  }
};

/** What a change from `before` (absent: a new survey) to `after` adds to each counter; only the non-zero ones. */
export const countDelta = (before: Survey | undefined, after: Survey): Partial<Record<CounterName, number>> => {
  const delta: Partial<Record<CounterName, number>> = {};
  for (const name of countersOf(after)) delta[name] = (delta[name] ?? 0) + 1;
  for (const name of before ? countersOf(before) : []) delta[name] = (delta[name] ?? 0) - 1;
  return Object.fromEntries(Object.entries(delta).filter(([, value]) => value !== 0));
};

/** Counts recounted from surveys themselves. */
export const tally = (surveys: readonly Survey[]): SurveyCounts => {
  const counts = zeroCounts();
  for (const survey of surveys) for (const name of countersOf(survey)) counts[name] += 1;
  return counts;
};

export const addCounts = (into: Record<CounterName, number>, more: Partial<Record<CounterName, number>>): void => {
  for (const name of counterNames) into[name] += more[name] ?? 0;
};

export interface SurveyRates {
  readonly satisfaction: Rate;
  readonly solved: Rate;
  /** Surveys of the period not in the satisfaction rate's denominator, by why. */
  readonly excluded: {
    readonly pending: number;
    readonly notEvaluated: number;
    readonly unreachable: number;
    readonly invalid: number;
    readonly noContact: number;
  };
  readonly evaluated: number;
}

/**
 * Satisfaction = (satisfied + basically satisfied) ÷ evaluated, evaluated being the valid answers; solved = yes ÷
 * answers to "was it solved?". The rest — still pending, not evaluated (expired), unreachable, judged invalid, no
 * contact — is never counted as satisfied, only shown beside the rates.
 */
export const ratesOf = (counts: SurveyCounts): SurveyRates => {
  const evaluated = counts.satisfied + counts.basicallySatisfied + counts.dissatisfied;
  return {
    satisfaction: rate(
      '满意度 =（满意 + 基本满意）÷ 有效评价数 / (satisfied + basically satisfied) ÷ evaluated',
      counts.satisfied + counts.basicallySatisfied,
      evaluated,
    ),
    solved: rate(
      '解决率 = 已解决 ÷ 回答“问题是否解决”的评价数 / solved ÷ answered',
      counts.solvedYes,
      counts.solvedYes + counts.solvedPartly + counts.solvedNo,
    ),
    excluded: {
      pending: counts.pending,
      notEvaluated: counts.notEvaluated,
      unreachable: counts.unreachable,
      invalid: counts.invalid,
      noContact: counts.noContact,
    },
    evaluated,
  };
};
