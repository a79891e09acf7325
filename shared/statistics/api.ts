/** The statistics routes: the figures of a unit and period, and the reconciliation of the counters with the cases. */

import { z } from '#platform/domain/zod.ts';
import {
  type ApiRoute,
  count,
  describeEnum,
  flag,
  instant,
  jsonRequest,
  narrowSchemaFor,
  objectKeyedBy,
  ok,
  schemaFor,
  text,
} from '#platform/http/api-registry.ts';
import { rateSchema } from '#platform/http/rate-schema.ts';
import { surveyRatesSchema } from '#surveys/api.ts';
import { cohortMetricLabels } from './domain/counters.ts';
import type { CohortCounts, DaysToClose } from './domain/figures.ts';
import { groupings, reconcileRequestSchema, statsQuerySchema } from './domain/query.ts';
import type { Stats, StatsRow } from './services/read-stats.ts';
import type { Reconciliation } from './services/reconcile.ts';

const date = (description: string) => z.iso.date().describe(description);
const tally = z.record(z.string(), z.int().min(0));

const cohortCountsSchema = schemaFor<CohortCounts>()(
  objectKeyedBy(cohortMetricLabels, z.int()).meta({
    id: 'CohortCounts',
    description: `期间内收到的事项的现状计数 / counts of the cases received in the period：${describeEnum(cohortMetricLabels)}`,
  }),
);

const daysToCloseSchema = schemaFor<DaysToClose>()(
  z
    .object({
      formula: text('口径 / how it is counted'),
      counted: count('计入的办结件数 / closed cases counted'),
      average: z.number().nullable().describe('平均工作日 / average working days'),
      median: z.number().nullable().describe('中位数工作日 / median working days'),
    })
    .meta({ id: 'DaysToClose', description: '办结用时（工作日）/ working days to close' }),
);

const figuresShape = {
  counts: cohortCountsSchema,
  closureRate: rateSchema.describe('办结率 / closure rate'),
  onTimeRate: rateSchema.describe(
    '按期办结率（在办超期计入分母）/ on-time rate, open overdue cases counted against it',
  ),
  daysToClose: daysToCloseSchema,
};

const statsRowSchema = schemaFor<StatsRow>()(
  z
    .object({
      key: text('单位编号、月份（2026-03）、渠道、类别或事项类型 / the unit, month, channel, category or kind'),
      label: text('名称 / label'),
      ...figuresShape,
      satisfaction: surveyRatesSchema.optional(),
    })
    .meta({ id: 'StatsRow', description: '一行分组统计 / the figures of one group' }),
);

const statsSchema = schemaFor<Stats>()(
  z
    .object({
      unitId: text('单位 / the unit'),
      unitName: text('单位名称 / its name'),
      from: date('起始收到日 / first day received'),
      to: date('截止收到日 / last day received'),
      groupBy: z.enum(groupings).optional(),
      basis: text('统计口径 / what the figures count'),
      ...figuresShape,
      satisfaction: surveyRatesSchema,
      openNow: z
        .object({
          byColour: tally.describe('当前在办事项按色标 / open cases by colour now (none: not yet timed)'),
          byState: tally.describe('当前在办事项按状态 / open cases by state now'),
        })
        .describe('当前在办（不限收到日期）/ open now, whenever received'),
      rows: z.array(statsRowSchema).describe('分组各行 / one row per group'),
      itemsRead: count('读取的计数条数（不读取事项）/ counter items read; no case is read'),
    })
    .meta({ id: 'Stats', description: '统计 / the statistics of a unit and period' }),
);

const differenceSchema = z.object({
  unitId: text('单位 / unit'),
  bucket: text('R#日期：当日收到；F#日期：当日办结；OPEN：当前在办 / which counter item'),
  name: text('指标 / figure'),
  stored: z.int().describe('计数值 / stored'),
  recounted: z.int().describe('重算值 / recounted'),
});

const reconciliationSchema = narrowSchemaFor<Reconciliation>()(
  z
    .object({
      id: text('核对编号 / id'),
      at: instant('核对时间 / when'),
      casesRead: count('读取的事项数 / cases read'),
      countersRead: count('读取的计数条数 / counter items read'),
      itemsScanned: count('扫描的条目数 / items scanned'),
      capacityUnits: z.number().min(0).describe('消耗的读容量 / read capacity used'),
      differences: z.array(differenceSchema).describe('不一致的计数（最多列 1000 条）/ the counters that differ'),
      repaired: flag('已按重算结果修正 / repaired'),
      reason: text('修正理由 / why').optional(),
    })
    .meta({ id: 'Reconciliation', description: '统计核对结果 / what a reconciliation found' }),
);

export const statisticsApi = {
  getStats: {
    method: 'GET',
    path: '/v1/stats',
    function: 'get-stats',
    auth: 'official',
    summary: '统计：受理、办结、按期、用时、满意度，可按下级单位、渠道、类别、月份、事项类型分组',
    tags: ['statistics'],
    description:
      '某单位（含下级单位）期间内收到的事项现在的办理情况：收到、受理、不予受理、合并、办结、在办及超期、延期、退单、复核、重新办理，' +
      '办结率、按期办结率（在办超期计入分母）、办结用时的平均数与中位数；期间内办结事项的回访满意度与解决率；当前在办按色标。' +
      '每个比率给出公式、分子和分母。取自随每次变更同步累加的计数，不读取事项。/ The figures of a unit for the cases received ' +
      'in a period, from counters kept with every change; each rate with its formula, numerator and denominator.',
    query: statsQuerySchema,
    response: ok('统计 / the statistics', statsSchema),
    problems: [400, 403, 404],
  },
  reconcile: {
    method: 'POST',
    path: '/v1/admin/reconcile',
    function: 'reconcile-stats',
    auth: 'official',
    summary: '核对统计：逐件重算并列出不一致的计数，可按重算结果修正（仅管理员，须写明理由）',
    tags: ['statistics'],
    description:
      '读取全部事项重新统计，与计数逐项比对，列出每个不一致的计数（单位、日期、指标、计数值、重算值）；`repair: true` 时按重算结果修正，' +
      '并记录修正人和理由。督办人员可核对，管理员可修正。/ Recounts from the cases and lists every counter that differs; repairs ' +
      'on request, recording who and why.',
    body: jsonRequest('核对选项 / options', reconcileRequestSchema.meta({ id: 'ReconcileInput' })),
    response: ok('核对结果 / what was found', reconciliationSchema),
    problems: [400, 403],
  },
} as const satisfies Record<string, ApiRoute>;
