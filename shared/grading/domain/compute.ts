/**
 * The grade an assessment's answers give under a scheme: the lowest grade any indicator allows (短板原则), the
 * indicators holding it back, and what each would need for the next grade. Pure: a function of the scheme and the
 * answers.
 */
import type { FieldProblem } from '#platform/domain/errors.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { compareGrades, defaultAlertMeasures, type Grade, type IndicatorGrade, lowestGrade } from './grades.ts';
import { type GradingScheme, type Indicator, type IndicatorFamily, slugSchema } from './scheme.ts';

/** One indicator's answer: the option chosen, or the value measured. */
export const indicatorValueSchema = z
  .object({
    indicatorId: slugSchema.describe('指标编号 / indicator id'),
    option: slugSchema.optional().describe('所选选项编号（选择项）/ the option chosen'),
    value: z.number().optional().describe('测量值（测量项）/ the measured value'),
    note: plainText(1, 1000).optional().describe('说明、依据 / a note: where the value comes from'),
  })
  .strict();
export type IndicatorValue = z.output<typeof indicatorValueSchema>;

export interface IndicatorOutcome {
  readonly indicatorId: string;
  readonly name: string;
  readonly family: IndicatorFamily;
  /** The best grade the answer allows; absent while unanswered. */
  readonly grade?: IndicatorGrade;
  /** The answer as shown: the option's text, or the value with its unit. */
  readonly answer?: string;
}

/** An indicator at the assessment's grade, and what it needs for the next grade up. */
export interface Shortfall {
  readonly indicatorId: string;
  readonly name: string;
  readonly family: IndicatorFamily;
  readonly grade: IndicatorGrade;
  /** The answer that gives the grade (the option's text, or the value with its unit). */
  readonly answer?: string;
  readonly nextGrade: IndicatorGrade;
  /** What the next grade needs, in words: the options that allow it, or the limit to meet. */
  readonly needs: string;
  /** The options that allow the next grade or better (choices). */
  readonly options?: readonly string[];
  /** The limit of the next grade and its unit (measured values). */
  readonly limit?: number;
  readonly unit?: string;
}

export interface GradeResult {
  /** The lowest grade the answered indicators allow; absent while none is answered. */
  readonly grade?: IndicatorGrade;
  /** Every required indicator answered: only then may the assessment be submitted. */
  readonly complete: boolean;
  /** Required indicators not answered yet. */
  readonly missing: readonly string[];
  readonly indicators: readonly IndicatorOutcome[];
  /** The indicators at the grade, each with what the next grade needs (empty at the scheme's best grade). */
  readonly holdingBack: readonly Shortfall[];
  /** The grade above, while there is one. */
  readonly nextGrade?: IndicatorGrade;
  /** What the grade means during a heavy-pollution alert (the scheme's measure, or the general one). */
  readonly alertMeasure?: string;
}

const formatLimit = (indicator: Extract<Indicator, { kind: 'measured' }>, limit: number): string =>
  `${indicator.better === 'lower' ? '≤' : '≥'} ${limit} ${indicator.unit}`;

/** The best grade a measured value meets; the scheme's lowest when it meets no threshold. */
const gradeOfValue = (
  indicator: Extract<Indicator, { kind: 'measured' }>,
  value: number,
  lowest: IndicatorGrade,
): IndicatorGrade => {
  const met = indicator.thresholds.filter((threshold) =>
    indicator.better === 'lower' ? value <= threshold.limit : value >= threshold.limit,
  );
  return [...met].sort((a, b) => compareGrades(a.grade, b.grade))[0]?.grade ?? lowest;
};

const outcomeOf = (
  indicator: Indicator,
  answer: IndicatorValue | undefined,
  lowest: IndicatorGrade,
): IndicatorOutcome => {
  const base = { indicatorId: indicator.id, name: indicator.name, family: indicator.family };
  if (!answer) return base;
  if (indicator.kind === 'choice') {
    const option = indicator.options.find((candidate) => candidate.id === answer.option);
    return option ? { ...base, grade: option.grade, answer: option.label } : base;
  }
  if (answer.value === undefined) return base;
  return { ...base, grade: gradeOfValue(indicator, answer.value, lowest), answer: `${answer.value} ${indicator.unit}` };
};

/** What `indicator` needs to allow `next` (or better). */
const needsFor = (
  indicator: Indicator,
  next: IndicatorGrade,
): Omit<Shortfall, keyof IndicatorOutcome | 'nextGrade'> => {
  if (indicator.kind === 'choice') {
    const options = indicator.options
      .filter((option) => compareGrades(option.grade, next) <= 0)
      .map((option) => option.label);
    return {
      needs: options.length > 0 ? `${next} 级须满足：${options.join('；或 ')}` : `本指标没有可达到 ${next} 级的选项`,
      options,
    };
  }
  // The threshold of the next grade, or of the nearest better grade that has one.
  const threshold = [...indicator.thresholds]
    .filter((candidate) => compareGrades(candidate.grade, next) <= 0)
    .sort((a, b) => compareGrades(b.grade, a.grade))[0];
  if (!threshold) return { needs: `本指标没有 ${next} 级限值` };
  return {
    needs: `${next} 级须 ${formatLimit(indicator, threshold.limit)}`,
    limit: threshold.limit,
    unit: indicator.unit,
  };
};

/**
 * The grade of `values` under `scheme`.
 *
 * @example
 * computeGrade(scheme, [{ indicatorId: 'vocs-treatment', option: 'activated-carbon' }, …]).holdingBack
 * // [{ indicatorId: 'vocs-treatment', grade: 'D', nextGrade: 'C', needs: 'C 级须满足：…' }]
 */
export const computeGrade = (scheme: GradingScheme, values: readonly IndicatorValue[]): GradeResult => {
  const lowest = scheme.grades.at(-1) as IndicatorGrade;
  const byId = new Map(values.map((value) => [value.indicatorId, value]));
  const indicators = scheme.indicators.map((indicator) => outcomeOf(indicator, byId.get(indicator.id), lowest));
  const missing = scheme.indicators
    .filter((indicator, index) => indicator.required && indicators[index]?.grade === undefined)
    .map((indicator) => indicator.id);
  const grade = lowestGrade(indicators.flatMap((outcome) => (outcome.grade ? [outcome.grade] : [])));
  const position = grade ? scheme.grades.indexOf(grade) : -1;
  const nextGrade = position > 0 ? scheme.grades[position - 1] : undefined;
  const holdingBack: Shortfall[] = nextGrade
    ? scheme.indicators.flatMap((indicator, index) => {
        const outcome = indicators[index] as IndicatorOutcome;
        return outcome.grade === grade
          ? [{ ...outcome, grade: outcome.grade as IndicatorGrade, nextGrade, ...needsFor(indicator, nextGrade) }]
          : [];
      })
    : [];
  return {
    ...(grade ? { grade, alertMeasure: alertMeasureOf(scheme, grade) } : {}),
    complete: missing.length === 0,
    missing,
    indicators,
    holdingBack,
    ...(nextGrade ? { nextGrade } : {}),
  };
};

/** The measure a grade implies during a heavy-pollution alert: the scheme's own, or the general one. */
export const alertMeasureOf = (scheme: Pick<GradingScheme, 'alertMeasures'>, grade: Grade): string =>
  scheme.alertMeasures?.[grade] ?? defaultAlertMeasures[grade];

/**
 * Answers that do not fit the scheme: an unknown indicator, an indicator answered twice, an option it does not have, a
 * choice answered with a value or a measured value with an option. Paths as `values.2.option`.
 */
export const valueProblems = (scheme: GradingScheme, values: readonly IndicatorValue[]): FieldProblem[] => {
  const indicators = new Map(scheme.indicators.map((indicator) => [indicator.id, indicator]));
  const seen = new Set<string>();
  return values.flatMap((value, index): FieldProblem[] => {
    const at = `values.${index}`;
    const indicator = indicators.get(value.indicatorId);
    if (!indicator)
      return [{ path: `${at}.indicatorId`, message: `方案第 ${scheme.version} 版没有指标 ${value.indicatorId}` }];
    if (seen.has(value.indicatorId)) return [{ path: `${at}.indicatorId`, message: `指标 ${indicator.name} 重复填写` }];
    seen.add(value.indicatorId);
    if (indicator.kind === 'choice') {
      if (value.value !== undefined)
        return [{ path: `${at}.value`, message: `${indicator.name} 是选择项，请选择选项` }];
      if (value.option !== undefined && !indicator.options.some((option) => option.id === value.option)) {
        return [{ path: `${at}.option`, message: `${indicator.name} 没有选项 ${value.option}` }];
      }
      return [];
    }
    if (value.option !== undefined)
      return [{ path: `${at}.option`, message: `${indicator.name} 是测量项，请填写数值` }];
    return [];
  });
};
