/**
 * Grading schemes (绩效分级指标体系) as data: one per industry of the technical guide (工业涂装, 包装印刷 …), versioned.
 * Indicators are grouped by the guide's families; an indicator is a choice whose every option maps to the best grade it
 * allows, or a measured value with a threshold per grade. A scheme declares the grades it uses (A/B/C/D; some simple
 * industries A/B/C only; B− where a province uses it) and whether an A+ tier is chosen among its A firms.
 */
import type { FieldProblem } from '#platform/domain/errors.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { compareGrades, type Grade, type IndicatorGrade, indicatorGradeSchema, indicatorGrades } from './grades.ts';

export const indicatorFamilies = [
  'energy-type',
  'equipment',
  'pollution-control',
  'emission-limits',
  'unorganised-emissions',
  'monitoring',
  'environmental-management',
  'transport',
] as const;
export type IndicatorFamily = (typeof indicatorFamilies)[number];

export const familyLabels: Readonly<Record<IndicatorFamily, string>> = {
  'energy-type': '能源类型',
  equipment: '装备水平',
  'pollution-control': '污染治理技术',
  'emission-limits': '排放限值',
  'unorganised-emissions': '无组织排放',
  monitoring: '监测监控水平',
  'environmental-management': '环境管理水平',
  transport: '运输方式',
};

/** Lower-case letters, digits and hyphens: the id of an industry, indicator or option, stable across versions. */
export const slugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, '只能使用小写字母、数字和连字符（以字母或数字开头，最多 63 个字符）');

const indicatorShape = {
  id: slugSchema.describe('指标编号（各版本保持不变）/ indicator id, stable across versions'),
  family: z.enum(indicatorFamilies).describe('指标类别 / indicator family'),
  name: plainText(1, 100).describe('指标名称 / name'),
  description: plainText(1, 1000).optional().describe('说明 / explanation'),
  required: z
    .boolean()
    .default(true)
    .describe('是否必填；非必填的指标可不评（不参与定级）/ whether every assessment must answer it'),
};

export const choiceIndicatorSchema = z
  .object({
    ...indicatorShape,
    kind: z.literal('choice').describe('选择项 / a choice'),
    options: z
      .array(
        z
          .object({
            id: slugSchema.describe('选项编号 / option id'),
            label: plainText(1, 300).describe('选项内容 / what the option says'),
            grade: indicatorGradeSchema.describe('该选项最高可评的等级 / the best grade the option allows'),
          })
          .strict(),
      )
      .min(1)
      .max(30)
      .describe('选项 / the options'),
  })
  .strict();

export const measuredIndicatorSchema = z
  .object({
    ...indicatorShape,
    kind: z.literal('measured').describe('测量值 / a measured value'),
    unit: plainText(1, 30).describe('单位 / unit (mg/m³ …)'),
    better: z.enum(['lower', 'higher']).describe('`lower` 越低越好（排放浓度）；`higher` 越高越好（去除效率）'),
    thresholds: z
      .array(
        z
          .object({
            grade: indicatorGradeSchema.describe('等级 / grade'),
            limit: z.number().describe('达到该等级的限值（含）/ the limit the value must meet for the grade'),
          })
          .strict(),
      )
      .min(1)
      .max(5)
      .describe(
        '各等级限值；一个等级也达不到的，评为方案的最低等级 / a limit per grade; meeting none is the lowest grade',
      ),
  })
  .strict();

export const indicatorSchema = z.discriminatedUnion('kind', [choiceIndicatorSchema, measuredIndicatorSchema]);
export type Indicator = z.output<typeof indicatorSchema>;
export type ChoiceIndicator = z.output<typeof choiceIndicatorSchema>;
export type MeasuredIndicator = z.output<typeof measuredIndicatorSchema>;

/** A scheme as an administrator loads it (`PUT /v1/grading/schemes/{industry}`). */
export const schemeInputSchema = z
  .object({
    industryName: plainText(1, 50).describe('行业名称 / the industry (工业涂装)'),
    name: plainText(1, 100).describe('方案名称 / the scheme’s name'),
    example: z
      .boolean()
      .default(false)
      .describe('示例方案（非官方指标，须替换为官方指标表）/ an example, to be replaced by the official table'),
    source: plainText(1, 500).optional().describe('依据文件 / the document it follows'),
    grades: z
      .array(indicatorGradeSchema)
      .min(2)
      .describe('方案采用的等级，从高到低（A/B/C/D，或 A/B/C，可含 B-）/ the grades the scheme uses, best first'),
    aPlus: z
      .boolean()
      .default(false)
      .describe('是否在 A 级企业中评选 A+ 级 / whether an A+ tier is chosen among A firms'),
    alertMeasures: z
      .partialRecord(z.enum(['A+', ...indicatorGrades]), plainText(1, 300))
      .optional()
      .describe('本行业各等级的重污染天气应急减排措施（缺省时用通用措施）/ the industry’s alert measures per grade'),
    indicators: z.array(indicatorSchema).min(1).max(200).describe('指标 / the indicators'),
    basedOn: z
      .int()
      .min(1)
      .optional()
      .describe('修改所依据的版本；已有更新版本时返回 409 / the version this edits: 409 when a newer one exists'),
  })
  .strict()
  .superRefine((scheme, context) => {
    for (const problem of schemeProblems(scheme)) {
      context.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
    }
  });
export type SchemeInput = z.output<typeof schemeInputSchema>;

/** A saved version of a scheme. */
export interface GradingScheme extends Omit<SchemeInput, 'basedOn'> {
  readonly industry: string;
  readonly version: number;
  readonly savedAt: string;
  readonly savedBy: string;
}

/** The problems of a scheme that its shape alone does not catch (paths as `indicators.3.thresholds.0.grade`). */
export const schemeProblems = (scheme: Omit<SchemeInput, 'basedOn'>): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const order = indicatorGrades.filter((grade) => scheme.grades.includes(grade));
  if (new Set(scheme.grades).size !== scheme.grades.length || order.join() !== scheme.grades.join()) {
    problems.push({ path: 'grades', message: '等级不能重复，须从高到低排列（A、B、B-、C、D）' });
  }
  if (!scheme.grades.includes('A')) problems.push({ path: 'grades', message: '方案须包含 A 级' });
  if (scheme.aPlus && !scheme.grades.includes('A')) {
    problems.push({ path: 'aPlus', message: 'A+ 级在 A 级企业中评选，方案须包含 A 级' });
  }
  const lowest = scheme.grades.at(-1);
  const ids = new Set<string>();
  scheme.indicators.forEach((indicator, index) => {
    const at = `indicators.${index}`;
    if (ids.has(indicator.id)) problems.push({ path: `${at}.id`, message: `指标编号 ${indicator.id} 重复` });
    ids.add(indicator.id);
    if (indicator.kind === 'choice') {
      const optionIds = new Set<string>();
      indicator.options.forEach((option, optionIndex) => {
        if (optionIds.has(option.id)) {
          problems.push({ path: `${at}.options.${optionIndex}.id`, message: `选项编号 ${option.id} 重复` });
        }
        optionIds.add(option.id);
        if (!scheme.grades.includes(option.grade)) {
          problems.push({ path: `${at}.options.${optionIndex}.grade`, message: `方案不采用 ${option.grade} 级` });
        }
      });
      return;
    }
    const seen = new Set<IndicatorGrade>();
    indicator.thresholds.forEach((threshold, thresholdIndex) => {
      const path = `${at}.thresholds.${thresholdIndex}`;
      if (!scheme.grades.includes(threshold.grade)) {
        problems.push({ path: `${path}.grade`, message: `方案不采用 ${threshold.grade} 级` });
      } else if (threshold.grade === lowest) {
        problems.push({
          path: `${path}.grade`,
          message: `最低等级 ${lowest} 级无需限值：达不到其他等级限值的即为 ${lowest} 级`,
        });
      }
      if (seen.has(threshold.grade)) problems.push({ path: `${path}.grade`, message: `${threshold.grade} 级限值重复` });
      seen.add(threshold.grade);
    });
    // A better grade's limit is at least as strict as a worse one's.
    const sorted = [...indicator.thresholds].sort((a, b) => compareGrades(a.grade, b.grade));
    for (let index = 1; index < sorted.length; index += 1) {
      const better = sorted[index - 1] as { grade: Grade; limit: number };
      const worse = sorted[index] as { grade: Grade; limit: number };
      const strict = indicator.better === 'lower' ? better.limit <= worse.limit : better.limit >= worse.limit;
      if (!strict) {
        problems.push({
          path: `${at}.thresholds`,
          message: `${better.grade} 级限值须${indicator.better === 'lower' ? '不高于' : '不低于'} ${worse.grade} 级限值`,
        });
      }
    }
  });
  return problems;
};
