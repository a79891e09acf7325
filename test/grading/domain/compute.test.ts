import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGrade, valueProblems } from '#grading/domain/compute.ts';
import { exampleScheme } from '#grading/domain/example-scheme.ts';
import { compareGrades, type IndicatorGrade } from '#grading/domain/grades.ts';
import { aScheme, exampleAnswers } from '../support/factories.ts';

describe('the grade is the lowest any indicator allows (短板原则)', () => {
  it('one indicator at D and every other at A is D, naming that indicator and what C needs', () => {
    // Arrange: the example scheme for industrial coating, the VOCs treatment at D
    const values = exampleAnswers({ 'vocs-treatment': 'D' });

    // Act
    const result = computeGrade(exampleScheme, values);

    // Assess
    expect(result.grade).toBe('D');
    expect(result.complete).toBe(true);
    expect(result.nextGrade).toBe('C');
    expect(result.holdingBack).toEqual([
      {
        indicatorId: 'vocs-treatment',
        name: '有机废气治理技术',
        family: 'pollution-control',
        grade: 'D',
        answer: '光氧化、低温等离子等低效技术，或无治理设施',
        nextGrade: 'C',
        needs:
          'C 级须满足：燃烧法（RTO、RCO、CO），或吸附浓缩后燃烧；或 吸附后脱附再生（回收或燃烧）；或 单一活性炭吸附，按要求定期更换',
        options: [
          '燃烧法（RTO、RCO、CO），或吸附浓缩后燃烧',
          '吸附后脱附再生（回收或燃烧）',
          '单一活性炭吸附，按要求定期更换',
        ],
      },
    ]);
    expect(result.alertMeasure).toBe('停产');
  });

  it('names a measured value holding the grade back with the next grade’s limit', () => {
    // Arrange: NMHC at 55 mg/m³ (C: ≤ 60, B: ≤ 50), everything else at A
    const values = exampleAnswers().map((value) =>
      value.indicatorId === 'nmhc-concentration' ? { ...value, value: 55 } : value,
    );

    // Act
    const result = computeGrade(exampleScheme, values);

    // Assess
    expect(result.grade).toBe('C');
    expect(result.holdingBack).toEqual([
      expect.objectContaining({
        indicatorId: 'nmhc-concentration',
        grade: 'C',
        answer: '55 mg/m³',
        nextGrade: 'B',
        needs: 'B 级须 ≤ 50 mg/m³',
        limit: 50,
        unit: 'mg/m³',
      }),
    ]);
    expect(result.alertMeasure).toBe('部分生产线停产');
  });

  it('lists every indicator at the grade, and none above it', () => {
    const result = computeGrade(exampleScheme, exampleAnswers({ monitoring: 'B', management: 'B', transport: 'A' }));

    expect(result.grade).toBe('B');
    expect(result.holdingBack.map((shortfall) => shortfall.indicatorId)).toEqual(['monitoring', 'management']);
  });

  it('at the scheme’s best grade nothing holds it back and there is no next grade', () => {
    const result = computeGrade(exampleScheme, exampleAnswers());

    expect(result).toMatchObject({ grade: 'A', holdingBack: [], complete: true, missing: [] });
    expect(result.nextGrade).toBeUndefined();
    expect(result.alertMeasure).toBe('自主采取减排措施');
  });

  it('a measured value meeting no threshold is the scheme’s lowest grade; A/B/C schemes bottom out at C', () => {
    const abc = aScheme({
      grades: ['A', 'B', 'C'],
      indicators: [
        {
          id: 'nmhc',
          family: 'emission-limits',
          name: 'NMHC',
          required: true,
          kind: 'measured',
          unit: 'mg/m³',
          better: 'lower',
          thresholds: [
            { grade: 'A', limit: 20 },
            { grade: 'B', limit: 40 },
          ],
        },
      ],
    });

    expect(computeGrade(abc, [{ indicatorId: 'nmhc', value: 500 }]).grade).toBe('C');
    expect(computeGrade(abc, [{ indicatorId: 'nmhc', value: 20 }]).grade).toBe('A');
    expect(computeGrade(abc, [{ indicatorId: 'nmhc', value: 20.5 }]).grade).toBe('B');
  });

  it('a higher-is-better value meets a threshold at or above it', () => {
    const values = exampleAnswers().map((value) =>
      value.indicatorId === 'low-vocs-coatings' ? { ...value, value: 50 } : value,
    );

    expect(computeGrade(exampleScheme, values).grade).toBe('B');
  });

  it('while answers are missing, grades what is answered and lists the required rest', () => {
    const result = computeGrade(exampleScheme, [{ indicatorId: 'transport', option: 'other' }]);

    expect(result.grade).toBe('C');
    expect(result.complete).toBe(false);
    expect(result.missing).toHaveLength(exampleScheme.indicators.length - 1);
    expect(result.missing).not.toContain('transport');
  });

  it('with nothing answered there is no grade', () => {
    const result = computeGrade(exampleScheme, []);

    expect(result.grade).toBeUndefined();
    expect(result.alertMeasure).toBeUndefined();
    expect(result.holdingBack).toEqual([]);
  });

  it('an optional indicator left unanswered does not count and is not missing', () => {
    const scheme = aScheme({
      indicators: aScheme().indicators.map((indicator) =>
        indicator.id === 'nmhc' ? { ...indicator, required: false } : indicator,
      ),
    });

    const result = computeGrade(scheme, [{ indicatorId: 'treatment', option: 'regenerated' }]);

    expect(result).toMatchObject({ grade: 'B', complete: true, missing: [] });
  });

  it('uses the scheme’s own alert measure for a grade when it states one', () => {
    const scheme = aScheme({ alertMeasures: { D: '停产（本行业措施）' } });

    expect(computeGrade(scheme, [{ indicatorId: 'treatment', option: 'none' }]).alertMeasure).toBe(
      '停产（本行业措施）',
    );
  });

  it('is always the minimum over the indicators, whatever the answers (property)', () => {
    const choice = exampleScheme.indicators.filter((indicator) => indicator.kind === 'choice');
    fc.assert(
      fc.property(
        fc.tuple(...choice.map((indicator) => fc.constantFrom(...indicator.options))),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (options, nmhc, share) => {
          const values = [
            ...choice.map((indicator, index) => ({ indicatorId: indicator.id, option: options[index]?.id })),
            { indicatorId: 'nmhc-concentration', value: nmhc },
            { indicatorId: 'low-vocs-coatings', value: share },
          ];
          const result = computeGrade(exampleScheme, values);
          const grades = result.indicators.map((outcome) => outcome.grade as IndicatorGrade);
          const worst = [...grades].sort(compareGrades).at(-1);
          return (
            result.grade === worst &&
            grades.every((grade) => compareGrades(grade, result.grade as IndicatorGrade) <= 0) &&
            result.holdingBack.every((shortfall) => shortfall.grade === result.grade) &&
            // At the scheme's best grade nothing holds it back; below it, every indicator at the grade does.
            result.holdingBack.length === (worst === 'A' ? 0 : grades.filter((grade) => grade === worst).length)
          );
        },
      ),
    );
  });
});

describe('answers that do not fit the scheme (valueProblems)', () => {
  it('names an unknown indicator, a repeated one, an unknown option and a value of the wrong kind', () => {
    const problems = valueProblems(exampleScheme, [
      { indicatorId: 'no-such' },
      { indicatorId: 'transport', option: 'teleport' },
      { indicatorId: 'transport', option: 'other' },
      { indicatorId: 'monitoring', value: 3 },
      { indicatorId: 'nmhc-concentration', option: 'low' },
    ]);

    expect(problems.map((problem) => problem.path)).toEqual([
      'values.0.indicatorId',
      'values.1.option',
      'values.2.indicatorId',
      'values.3.value',
      'values.4.option',
    ]);
  });
});
