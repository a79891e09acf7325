import { z } from '#platform/domain/zod.ts';

export const groupings = ['department', 'channel', 'category', 'month', 'kind', 'source'] as const;
export type Grouping = (typeof groupings)[number];

const date = (description: string) => z.iso.date().describe(description);

export const statsQuerySchema = z
  .object({
    unit: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('单位（默认本人所在单位），含下级单位 / the unit, and those below it'),
    from: date('起始日期（收到日，默认当年 1 月 1 日）/ first day received').optional(),
    to: date('截止日期（收到日，默认今天）/ last day received').optional(),
    groupBy: z
      .enum(groupings)
      .optional()
      .describe(
        '分组：department 下级单位、channel 来源渠道、category 污染类别、month 月份、kind 事项类型、source 整改问题来源 / grouping',
      ),
  })
  .strict();

export type StatsQuery = z.output<typeof statsQuerySchema>;

export const reconcileRequestSchema = z
  .object({
    repair: z.boolean().default(false).describe('按重算结果修正计数 / repair the counters that differ'),
    reason: z.string().trim().min(2).max(500).optional().describe('修正理由（修正时必填）/ why (required to repair)'),
  })
  .strict()
  .refine((input) => !input.repair || input.reason !== undefined, {
    path: ['reason'],
    message: '修正计数须写明理由',
  });

export type ReconcileRequest = z.output<typeof reconcileRequestSchema>;
