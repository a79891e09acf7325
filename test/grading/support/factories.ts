import type { IndicatorValue } from '#grading/domain/compute.ts';
import { exampleScheme } from '#grading/domain/example-scheme.ts';
import type { GradingScheme } from '#grading/domain/scheme.ts';

/** A small scheme of one choice and one measured value (A/B/C/D, A+ tier); override what a test is about. */
export const aScheme = (overrides: Partial<GradingScheme> = {}): GradingScheme => ({
  industry: 'test-coating',
  industryName: '测试行业',
  name: '测试方案',
  example: true,
  grades: ['A', 'B', 'C', 'D'],
  aPlus: true,
  indicators: [
    {
      id: 'treatment',
      family: 'pollution-control',
      name: '治理技术',
      required: true,
      kind: 'choice',
      options: [
        { id: 'rto', label: '燃烧法', grade: 'A' },
        { id: 'regenerated', label: '吸附再生', grade: 'B' },
        { id: 'carbon', label: '活性炭', grade: 'C' },
        { id: 'none', label: '无治理', grade: 'D' },
      ],
    },
    {
      id: 'nmhc',
      family: 'emission-limits',
      name: 'NMHC 浓度',
      required: true,
      kind: 'measured',
      unit: 'mg/m³',
      better: 'lower',
      thresholds: [
        { grade: 'A', limit: 20 },
        { grade: 'B', limit: 40 },
        { grade: 'C', limit: 60 },
      ],
    },
  ],
  version: 1,
  savedAt: '2026-01-01T00:00:00.000Z',
  savedBy: 'admin',
  ...overrides,
});

/** The answer that gives `indicator` of the example scheme grade `grade` (its first option of that grade). */
export const exampleAnswer = (indicatorId: string, grade: 'A' | 'B' | 'C' | 'D'): IndicatorValue => {
  const indicator = exampleScheme.indicators.find((candidate) => candidate.id === indicatorId);
  if (!indicator) throw new Error(`no indicator ${indicatorId}`);
  if (indicator.kind === 'choice') {
    const option = indicator.options.find((candidate) => candidate.grade === grade);
    if (!option) throw new Error(`${indicatorId} has no option at ${grade}`);
    return { indicatorId, option: option.id };
  }
  const limits = Object.fromEntries(indicator.thresholds.map((threshold) => [threshold.grade, threshold.limit]));
  const worse = indicator.better === 'lower' ? 1_000 : -1;
  return { indicatorId, value: limits[grade] ?? worse };
};

/** Every indicator of the example scheme at A, except those given. */
export const exampleAnswers = (except: Readonly<Record<string, 'A' | 'B' | 'C' | 'D'>> = {}): IndicatorValue[] =>
  exampleScheme.indicators.map((indicator) => exampleAnswer(indicator.id, except[indicator.id] ?? 'A'));
