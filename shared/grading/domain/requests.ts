/** Query strings of the grading routes. */
import { usccSchema } from '#enterprises/domain/uscc.ts';
import { z } from '#platform/domain/zod.ts';
import { assessmentStatuses } from './assessment.ts';

export const schemeVersionQuerySchema = z
  .object({
    version: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .describe('版本号，缺省为现行版本 / the version (default: the one in force)'),
  })
  .strict();

export const assessmentListQuerySchema = z
  .object({
    uscc: usccSchema.optional().describe('企业的全部评定，新的在前 / an enterprise’s assessments, newest first'),
    status: z
      .enum(assessmentStatuses)
      .optional()
      .describe('某状态的评定（如 `submitted` 待审核），先改动的在前 / the assessments in a status'),
    limit: z.coerce.number().int().min(1).max(100).default(50).describe('每页条数 / page size'),
    cursor: z.string().trim().min(1).max(1000).optional().describe('上一页返回的 `nextCursor`'),
  })
  .strict()
  .refine((query) => (query.uscc === undefined) !== (query.status === undefined), {
    message: '须给出 uscc 或 status 之一',
    path: ['uscc'],
  });
export type AssessmentListQuery = z.output<typeof assessmentListQuerySchema>;
