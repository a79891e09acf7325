/**
 * What the rectification routes accept: a problem, a ledger to import (rows as JSON, or an .xlsx file), the list's
 * and the look-backs' queries. The route documentation (`api.ts`) shows these schemas.
 */
import { caseIdSchema } from '#cases/domain/ids.ts';
import type { ProgressColour } from '#deadlines/domain/clocks.ts';
import { colourLabels } from '#deadlines/domain/deadlines.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { rectificationBands, rectificationSources } from './details.ts';

const date = (description: string) => z.iso.date('日期格式须为 YYYY-MM-DD').describe(description);
const username = (description: string) => z.string().trim().min(1).max(100).describe(description);

export const milestoneSchema = z
  .object({ date: date('节点日期 / date'), description: plainText(1, 500).describe('节点内容 / what is due') })
  .strict()
  .describe('整改节点 / a milestone');

export const planSchema = z
  .object({
    measures: plainText(2, 10_000).describe('整改措施 / the measures'),
    milestones: z.array(milestoneSchema).max(20).default([]).describe('整改节点，按日期 / milestones, by date'),
  })
  .strict()
  .describe('整改方案 / the plan');

/** `POST /v1/rectification-problems`. */
export const createProblemSchema = z
  .object({
    source: z.enum(rectificationSources).describe('问题来源 / where it was found'),
    sourceReference: plainText(1, 200).optional().describe('督察批次、交办文号等 / batch or reference'),
    ledgerNumber: plainText(1, 20).optional().describe('来源台账中的序号 / its number in the source ledger'),
    description: plainText(5, 5000).describe('问题描述 / the problem'),
    plan: planSchema,
    departmentId: username('责任单位（科室）的单位编号 / the responsible department’s unit id'),
    leadUsername: username('责任领导的用户名；与责任人一并给出则直接派单 / lead official').optional(),
    responsibleUsername: username('责任人的用户名；与责任领导一并给出则直接派单 / responsible person').optional(),
    band: z
      .enum(rectificationBands)
      .describe('整改时限类型；期限由时限规则给出 / deadline band (its period: the policy)'),
    targetDate: date('指定整改期限（代替时限类型的期限）/ a target date instead of the band’s period').optional(),
    fromCaseId: caseIdSchema.optional().describe('来源信访件编号：该件同时记下本问题 / the complaint it came from'),
    remark: plainText(1, 1000).optional().describe('备注 / remark'),
  })
  .strict()
  .superRefine((body, context) => {
    if ((body.leadUsername === undefined) !== (body.responsibleUsername === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [body.leadUsername === undefined ? 'leadUsername' : 'responsibleUsername'],
        message: '责任领导和责任人须一并给出（或都不给出，稍后派单）',
      });
    }
    if (body.fromCaseId !== undefined && body.source !== 'complaint') {
      context.addIssue({
        code: 'custom',
        path: ['source'],
        message: '来自信访件的问题，来源须为 complaint（信访投诉）',
      });
    }
    body.plan.milestones.forEach((milestone, index) => {
      const before = body.plan.milestones[index - 1];
      if (before && milestone.date < before.date) {
        context.addIssue({
          code: 'custom',
          path: ['plan', 'milestones', index, 'date'],
          message: '整改节点须按日期排列',
        });
      }
    });
  });

export type CreateProblemRequest = z.output<typeof createProblemSchema>;

/** Most rows a ledger import takes: each is a case stored one after another within the API's 29 seconds. */
export const maxLedgerRows = 200;

/** One row of a ledger given as JSON: the columns of the Excel ledger (序号, 问题来源 …), by their English names. */
export const ledgerRowSchema = z
  .object({
    number: plainText(1, 20).describe('序号 / number'),
    source: plainText(1, 50).describe('问题来源：中央督察、省级督察、自查、信访投诉、双随机检查 或其代码 / source'),
    description: plainText(1, 5000).describe('问题描述 / the problem'),
    department: plainText(1, 100)
      .optional()
      .describe('责任单位；省略则沿用上一行 / department; omitted: the row above'),
    leader: plainText(1, 50).optional().describe('责任领导：姓名或用户名；省略则沿用上一行 / lead official'),
    person: plainText(1, 50).optional().describe('责任人：姓名或用户名 / responsible person'),
    measures: plainText(1, 10_000).describe('整改措施 / measures'),
    deadline: plainText(1, 50).describe(
      '整改时限：立行立改、中期、长期，或日期（2026-12-31、2026年12月底前）/ deadline',
    ),
    remark: plainText(1, 1000).optional().describe('备注 / remark'),
  })
  .strict()
  .describe('台账的一行 / a ledger row');

export type LedgerRowInput = z.output<typeof ledgerRowSchema>;

/** `POST /v1/rectification-problems/import`: the rows as JSON, or the ledger as an .xlsx file. */
export const importLedgerSchema = z
  .object({
    rows: z.array(ledgerRowSchema).min(1).max(maxLedgerRows).optional().describe('台账各行 / the rows'),
    xlsxBase64: z
      .string()
      .min(1)
      .max(4_000_000)
      .regex(/^[A-Za-z0-9+/=\s]+$/, '须为 base64 编码')
      .optional()
      .describe('台账 .xlsx 文件的 base64（读取第一个工作表）/ the ledger file; its first sheet is read'),
    sourceReference: plainText(1, 200).optional().describe('本批问题的督察批次或交办文号 / the batch’s reference'),
    departments: z
      .record(plainText(1, 100), plainText(1, 100))
      .optional()
      .describe('责任单位名称到单位编号的对照 / department names mapped to unit ids'),
  })
  .strict()
  .refine((body) => (body.rows === undefined) !== (body.xlsxBase64 === undefined), {
    message: '须给出 rows 或 xlsxBase64 之一',
    path: ['rows'],
  });

export type ImportLedgerRequest = z.output<typeof importLedgerSchema>;

/** `GET /v1/rectification-problems`. */
export const problemListQuerySchema = z
  .object({
    source: z.enum(rectificationSources).optional().describe('问题来源 / source'),
    band: z.enum(rectificationBands).optional().describe('整改时限类型 / band'),
    colour: z
      .enum(Object.keys(colourLabels) as [ProgressColour, ...ProgressColour[]])
      .optional()
      .describe('进度色标 / colour'),
    unit: z.string().trim().min(1).max(100).optional().describe('单位（含下级）；默认本单位 / unit, with those below'),
    cursor: z.string().max(2000).optional().describe('上一页返回的游标 / the cursor of the page before'),
    limit: z.coerce.number().int().min(1).max(100).default(50).describe('每页条数 / page size'),
  })
  .strict();

export type ProblemListQuery = z.output<typeof problemListQuerySchema>;

/** `GET /v1/rectification-problems/look-backs`. */
export const lookBacksQuerySchema = z
  .object({
    due: date('截至此日应进行的回头看，默认今天 / due by this day, default today').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100).describe('最多条数 / at most'),
  })
  .strict();

export type LookBacksQuery = z.output<typeof lookBacksQuerySchema>;

/** `GET /v1/rectification-problems/export`. */
export const exportQuerySchema = z
  .object({
    format: z.enum(['xlsx']).default('xlsx').describe('文件格式 / file format'),
    source: z.enum(rectificationSources).optional().describe('问题来源 / source'),
    band: z.enum(rectificationBands).optional().describe('整改时限类型 / band'),
    unit: z.string().trim().min(1).max(100).optional().describe('单位（含下级）/ unit, with those below'),
  })
  .strict();

export type ExportQuery = z.output<typeof exportQuerySchema>;
