/**
 * The performance grades (绩效分级) of the national scheme: the 2020 technical guide for emergency emission reduction in
 * key industries and the 2026 guidance (环办大气〔2026〕2号). A is the industry's advanced level, B good (some provinces
 * use B−), C medium, D the legal minimum; an A+ tier is chosen among A firms. Best first.
 */
import { z } from '#platform/domain/zod.ts';

export const grades = ['A+', 'A', 'B', 'B-', 'C', 'D'] as const;
export type Grade = (typeof grades)[number];

/** Grades an indicator can allow: A+ is chosen among A firms, never earned by an indicator. */
export const indicatorGrades = ['A', 'B', 'B-', 'C', 'D'] as const;
export type IndicatorGrade = (typeof indicatorGrades)[number];

export const gradeLabels: Readonly<Record<Grade, string>> = {
  'A+': 'A+级（引领性）',
  A: 'A级',
  B: 'B级',
  'B-': 'B-级',
  C: 'C级',
  D: 'D级',
};

/**
 * What each grade means during a heavy-pollution alert, as the national scheme says in general terms (A firms reduce at
 * their own discretion, B firms cut load, C firms stop some lines, D firms stop production). A scheme may state its
 * industry's own measures instead (`alertMeasures`); these are what applies where it does not.
 */
export const defaultAlertMeasures: Readonly<Record<Grade, string>> = {
  'A+': '自主采取减排措施',
  A: '自主采取减排措施',
  B: '限产（按行业减排措施削减负荷）',
  'B-': '限产（力度以省级规定为准，严于 B 级）',
  C: '部分生产线停产',
  D: '停产',
};

const rank: Readonly<Record<Grade, number>> = { 'A+': 0, A: 1, B: 2, 'B-': 3, C: 4, D: 5 };

/** Negative when `a` is the better grade. */
export const compareGrades = (a: Grade, b: Grade): number => rank[a] - rank[b];

/** The lower of two grades. */
export const lowerGrade = <G extends Grade>(a: G, b: G): G => (compareGrades(a, b) >= 0 ? a : b);

/** The lowest of `list` (短板原则); undefined for an empty list. */
export const lowestGrade = <G extends Grade>(list: readonly G[]): G | undefined =>
  list.reduce<G | undefined>((lowest, grade) => (lowest === undefined ? grade : lowerGrade(lowest, grade)), undefined);

/** `A+` sent unencoded in a query string arrives as `A ` (a `+` is a space there): read it as meant. */
export const gradeQuerySchema = z
  .string()
  .transform((value) => (value === 'A ' ? 'A+' : value.trim()))
  .pipe(z.enum([...grades, 'none']));

export const gradeSchema = z.enum(grades);
export const indicatorGradeSchema = z.enum(indicatorGrades);
