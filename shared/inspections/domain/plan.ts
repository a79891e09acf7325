/**
 * A draw plan (抽查计划): the period, the rate of each supervision class (data, never a constant of the algorithm), the
 * inspection items (检查事项清单) and how many inspectors go to each drawn firm. A plan is drawn once.
 */
import { ConflictError } from '#platform/domain/errors.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { type SupervisionClass, supervisionClassLabels } from './classes.ts';

/** A quarter, `2026-Q2`: the rates are per quarter. */
export const periodPattern = /^(\d{4})-Q([1-4])$/;
export const periodSchema = z.string().trim().toUpperCase().regex(periodPattern, '期间格式须为 YYYY-Qn，如 2026-Q2');

/** The first and last day of a period (`YYYY-MM-DD`, Asia/Shanghai days). */
export const periodBounds = (period: string): { readonly from: string; readonly to: string } => {
  const match = periodPattern.exec(period);
  if (!match) throw new RangeError(`not a period: ${period}`);
  const year = match[1] as string;
  const quarter = Number(match[2]);
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(Number(year), last, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
};

/** The quarter a day `YYYY-MM-DD` falls in. */
export const periodOf = (date: string): string =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * Default rates, percent of the class's pool a quarter: key polluters 25%, special supervision objects 25%, general
 * 5%, the positive list lower (2%) but never exempt. A plan may set its own; none may be 0.
 */
export const defaultRates: Readonly<Record<SupervisionClass, number>> = {
  'key-polluter': 25,
  special: 25,
  general: 5,
  'positive-list': 2,
};

const ratePercent = (label: string) =>
  z
    .number()
    .gt(0, `${label}的抽查比例须大于 0（不得豁免）`)
    .max(100, `${label}的抽查比例不能超过 100%`)
    .refine((value) => Math.round(value * 100) === value * 100, '抽查比例最多两位小数')
    .describe(`${label}抽查比例（%，每期）/ rate, percent a period`);

const rateOf = (name: SupervisionClass) => ratePercent(supervisionClassLabels[name]).default(defaultRates[name]);

export const ratesSchema = z
  .object({
    'key-polluter': rateOf('key-polluter'),
    special: rateOf('special'),
    general: rateOf('general'),
    'positive-list': rateOf('positive-list'),
  })
  .strict()
  .describe('各监管类别的抽查比例；省略的用默认值 / the rate of each class');

export const itemCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,20}$/, '检查事项代码为 1–20 位字母、数字或连字符')
  .describe('检查事项代码 / item code');

export const inspectionItemSchema = z
  .object({ code: itemCodeSchema, label: plainText(2, 100).describe('检查事项 / the item') })
  .strict();
export type InspectionItem = z.output<typeof inspectionItemSchema>;

const planName = plainText(2, 100).describe('计划名称 / name');
const planItems = z.array(inspectionItemSchema).min(1).max(50).describe('检查事项清单 / the inspection items');
const inspectorsPerEntity = z
  .int()
  .min(2, '每家企业至少两名执法人员')
  .max(4)
  .describe('每家抽中企业的执法人员数（至少 2 人）/ inspectors per drawn firm');

/** Each item code once: a repeated one is named at its place. */
const uniqueItemCodes = (
  plan: { readonly items?: readonly InspectionItem[] | undefined },
  context: z.core.$RefinementCtx,
): void => {
  const items = plan.items ?? [];
  items.forEach((item, index) => {
    if (items.findIndex((other) => other.code === item.code) < index) {
      context.addIssue({ code: 'custom', path: ['items', index, 'code'], message: '检查事项代码重复' });
    }
  });
};

/** `POST /v1/inspection-plans`. */
export const newPlanSchema = z
  .object({
    name: planName,
    period: periodSchema.describe('抽查期间（季度，如 2026-Q2）/ the quarter'),
    rates: ratesSchema.default(defaultRates),
    items: planItems,
    inspectorsPerEntity: inspectorsPerEntity.default(2),
  })
  .strict()
  .superRefine(uniqueItemCodes);
export type NewPlan = z.output<typeof newPlanSchema>;

/** `PATCH /v1/inspection-plans/{id}`: the fields given replace the plan's; rates class by class. */
export const planChangeSchema = z
  .object({
    name: planName.optional(),
    rates: z
      .object({
        'key-polluter': ratePercent(supervisionClassLabels['key-polluter']).optional(),
        special: ratePercent(supervisionClassLabels.special).optional(),
        general: ratePercent(supervisionClassLabels.general).optional(),
        'positive-list': ratePercent(supervisionClassLabels['positive-list']).optional(),
      })
      .strict()
      .optional()
      .describe('各类别的抽查比例；给出的类别替换原值 / the rates to change, class by class'),
    items: planItems.optional().describe('检查事项清单（整体替换）/ the inspection items, replaced whole'),
    inspectorsPerEntity: inspectorsPerEntity.optional(),
    version: z.int().min(1).optional().describe('所依据的版本；已被他人修改时返回 409 / the version read'),
  })
  .strict()
  .refine((change) => Object.keys(change).some((key) => key !== 'version'), '没有要修改的内容')
  .superRefine(uniqueItemCodes);
export type PlanChange = z.output<typeof planChangeSchema>;

export interface InspectionPlan {
  readonly id: string;
  readonly name: string;
  readonly period: string;
  readonly rates: Readonly<Record<SupervisionClass, number>>;
  readonly items: readonly InspectionItem[];
  readonly inspectorsPerEntity: number;
  /** The unit that made the plan (its draw and inspections are that unit's), with its path. */
  readonly unitId: string;
  readonly unitPath: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
  /** Each change adds one (optimistic concurrency: a change names the version it was made on). */
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedBy?: string;
  /** The draw made from it: a plan is drawn once, and is not changed after. */
  readonly drawId?: string;
}

/**
 * The plan with `change` applied, one version on. Only before its draw: the draw, its snapshot and its published
 * verification data name the plan as it was drawn.
 */
export const changePlan = (plan: InspectionPlan, change: PlanChange, by: string, at: string): InspectionPlan => {
  if (plan.drawId) {
    throw new ConflictError(`该计划已抽取（${plan.drawId}），不能再修改：抽取结果及其核验数据依据抽取时的计划公开`);
  }
  if (change.version !== undefined && change.version !== plan.version) {
    throw new ConflictError(
      `抽查计划已被他人修改（当前版本 ${plan.version}，您看到的是版本 ${change.version}），请刷新后重试`,
    );
  }
  const { version: _version, rates, ...fields } = change;
  return {
    ...plan,
    ...fields,
    ...(rates ? { rates: { ...plan.rates, ...rates } } : {}),
    version: plan.version + 1,
    updatedAt: at,
    updatedBy: by,
  };
};

export const plansQuerySchema = z
  .object({ period: periodSchema.optional().describe('期间（默认全部）/ the quarter') })
  .strict();

/**
 * How many of a pool of `size` a rate of `percent` draws: rounded up (the rate is a floor), so a class with a firm in
 * it always has one drawn. Integer arithmetic on hundredths of a percent: no floating-point surprise (7% of 100 is 7).
 */
export const drawCount = (size: number, percent: number): number => {
  const basisPoints = Math.round(percent * 100);
  return Math.min(size, Math.floor((size * basisPoints + 9_999) / 10_000));
};
