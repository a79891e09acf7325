import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCounts, type CounterName, countDelta, ratesOf, tally, zeroCounts } from '#surveys/domain/figures.ts';
import {
  answerSurvey,
  createSurvey,
  defaultSurveySettings,
  expireSurvey,
  invalidateSurvey,
  recordUnreachableCall,
  type Survey,
} from '#surveys/domain/survey.ts';

const start = new Date('2026-11-27T02:00:00.000Z');

const newSurvey = (index: number, contact: 'email' | 'phone' | 'none'): Survey =>
  createSurvey({
    id: `S${index}`,
    caseId: `C${index}`,
    resultCaseId: `C${index}`,
    unitPath: ['city', 'east'],
    intakePath: ['city'],
    closedAt: start.toISOString(),
    closedDate: '2026-11-27',
    contact: contact === 'email' ? { email: 'a@b.cn' } : contact === 'phone' ? { phone: '13812345678' } : {},
    subject: { caseNumber: `GL-2026-${index}`, category: 'noise', publicReply: '已处理。' },
    callDueDate: '2026-11-30',
    now: start,
    settings: defaultSurveySettings,
  });

type Step =
  | { kind: 'create'; contact: 'email' | 'phone' | 'none' }
  | {
      kind: 'answer';
      target: number;
      satisfaction: 'satisfied' | 'basically-satisfied' | 'dissatisfied';
      solved?: 'yes' | 'partly' | 'no';
    }
  | { kind: 'call'; target: number; day: number }
  | { kind: 'expire'; target: number }
  | { kind: 'invalidate'; target: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    contact: fc.constantFrom('email' as const, 'phone' as const, 'none' as const),
  }),
  fc.record(
    {
      kind: fc.constant('answer' as const),
      target: fc.nat(20),
      satisfaction: fc.constantFrom('satisfied' as const, 'basically-satisfied' as const, 'dissatisfied' as const),
      solved: fc.constantFrom('yes' as const, 'partly' as const, 'no' as const),
    },
    { requiredKeys: ['kind', 'target', 'satisfaction'] },
  ),
  fc.record({ kind: fc.constant('call' as const), target: fc.nat(20), day: fc.nat(4) }),
  fc.record({ kind: fc.constant('expire' as const), target: fc.nat(20) }),
  fc.record({ kind: fc.constant('invalidate' as const), target: fc.nat(20) }),
);

/** Applies a step as the services would; a step the survey refuses changes nothing (as a refused request). */
const apply = (survey: Survey, next: Step, at: Date): Survey | undefined => {
  try {
    switch (next.kind) {
      case 'answer':
        return answerSurvey(
          survey,
          { satisfaction: next.satisfaction, ...(next.solved ? { solved: next.solved } : {}) },
          { username: 'x', via: 'email' },
          at,
        );
      case 'call': {
        const today = `2026-12-0${next.day + 1}`;
        return recordUnreachableCall(
          survey,
          { by: 'op', today, nextWorkingDay: `2026-12-0${next.day + 2}` },
          defaultSurveySettings,
          at,
        );
      }
      case 'expire':
        return expireSurvey(survey, at);
      case 'invalidate':
        return invalidateSurvey(survey, '评价无效的理由', 'sup', at);
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
};

describe('survey counters', () => {
  it('kept by adding each change’s delta always equal a recount of the surveys (random sequences)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const surveys: Survey[] = [];
        const counters = zeroCounts();
        steps.forEach((next, index) => {
          const at = new Date(start.getTime() + 3_600_000 * (index + 1));
          if (next.kind === 'create') {
            const created = newSurvey(surveys.length, next.contact);
            surveys.push(created);
            addCounts(counters, countDelta(undefined, created));
            return;
          }
          const position = next.target % Math.max(surveys.length, 1);
          const before = surveys[position];
          if (!before) return;
          const after = apply(before, next, at);
          if (!after) return;
          surveys[position] = after;
          addCounts(counters, countDelta(before, after));
        });
        expect(counters).toEqual(tally(surveys));
        for (const name of Object.keys(counters) as CounterName[]) expect(counters[name]).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rates', () => {
  it('read 98% of 50 evaluated for 45 + 4 satisfied and 1 dissatisfied, with 10 not evaluated shown apart', () => {
    const counts = zeroCounts();
    addCounts(counts, {
      surveys: 60,
      satisfied: 45,
      basicallySatisfied: 4,
      dissatisfied: 1,
      notEvaluated: 10,
      solvedYes: 40,
      solvedPartly: 5,
      solvedNo: 5,
    });
    const rates = ratesOf(counts);
    expect(rates.satisfaction).toMatchObject({ numerator: 49, denominator: 50, value: 0.98, percent: '98%' });
    expect(rates.evaluated).toBe(50);
    expect(rates.excluded.notEvaluated).toBe(10);
    expect(rates.solved).toMatchObject({ numerator: 40, denominator: 50, percent: '80%' });
  });

  it('say there is nothing to rate rather than 0% or 100%', () => {
    expect(ratesOf(zeroCounts()).satisfaction).toMatchObject({ value: null, percent: '—' });
  });
});
