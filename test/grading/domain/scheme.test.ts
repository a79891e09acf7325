import { describe, expect, it } from 'vitest';
import { exampleScheme } from '#grading/domain/example-scheme.ts';
import { indicatorFamilies, schemeInputSchema, schemeProblems } from '#grading/domain/scheme.ts';
import { aScheme } from '../support/factories.ts';

const input = (overrides: Record<string, unknown> = {}) => {
  const { industry: _i, version: _v, savedAt: _a, savedBy: _b, ...scheme } = aScheme();
  return { ...scheme, ...overrides };
};

describe('the example scheme for industrial coating', () => {
  it('is labelled an example in its data: flag, name, source and every indicator', () => {
    expect(exampleScheme.example).toBe(true);
    expect(exampleScheme.name).toBe('示例方案（待替换为官方指标表）');
    expect(exampleScheme.source).toMatch(/不是官方指标/);
    for (const indicator of exampleScheme.indicators) expect(indicator.description).toMatch(/示例，非官方指标/);
  });

  it('is a valid scheme covering the guide’s eight families', () => {
    expect(schemeProblems(exampleScheme)).toEqual([]);
    expect(new Set(exampleScheme.indicators.map((indicator) => indicator.family))).toEqual(new Set(indicatorFamilies));
  });
});

describe('a scheme as an administrator loads it (schemeInputSchema)', () => {
  it('accepts a well-formed scheme, A/B/C only or with B−', () => {
    expect(schemeInputSchema.safeParse(input()).success).toBe(true);
    expect(
      schemeInputSchema.safeParse(
        input({
          grades: ['A', 'B', 'B-', 'C'],
          aPlus: false,
          indicators: [
            {
              id: 'only',
              family: 'equipment',
              name: '装备',
              kind: 'choice',
              options: [
                { id: 'good', label: '好', grade: 'A' },
                { id: 'fair', label: '较好', grade: 'B-' },
              ],
            },
          ],
        }),
      ).success,
    ).toBe(true);
  });

  it('refuses grades out of order or repeated, and a scheme without A', () => {
    const paths = (overrides: Record<string, unknown>) =>
      schemeInputSchema.safeParse(input(overrides)).error?.issues.map((issue) => issue.path.join('.'));

    expect(paths({ grades: ['B', 'A', 'C', 'D'] })).toContain('grades');
    expect(paths({ grades: ['A', 'A', 'D'] })).toContain('grades');
  });

  it('refuses an option or threshold at a grade the scheme does not use, and a limit for the lowest grade', () => {
    const issues = schemeInputSchema.safeParse(input({ grades: ['A', 'B', 'C'] })).error?.issues ?? [];

    expect(issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['indicators.0.options.3.grade', 'indicators.1.thresholds.2.grade']),
    );
    expect(issues.find((issue) => issue.path.join('.') === 'indicators.1.thresholds.2.grade')?.message).toMatch(
      /最低等级 C 级无需限值/,
    );
  });

  it('refuses thresholds where a better grade is less strict than a worse one', () => {
    const [choice, measured] = aScheme().indicators;
    const loose = {
      ...measured,
      thresholds: [
        { grade: 'A', limit: 50 },
        { grade: 'B', limit: 40 },
      ],
    };

    const issues = schemeInputSchema.safeParse(input({ indicators: [choice, loose] })).error?.issues ?? [];

    expect(issues).toEqual([
      expect.objectContaining({ path: ['indicators', '1', 'thresholds'], message: 'A 级限值须不高于 B 级限值' }),
    ]);
  });

  it('refuses repeated indicator and option ids', () => {
    const [choice] = aScheme().indicators;
    const issues = schemeInputSchema.safeParse(input({ indicators: [choice, choice] })).error?.issues ?? [];

    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['indicators.1.id']);
  });
});
