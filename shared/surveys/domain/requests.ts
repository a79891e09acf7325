/** The request schemas of the survey routes that are not the domain's own inputs: query strings, the call's outcome. */

import { plainText } from '#platform/domain/text.ts';
import { isCalendarDate } from '#platform/domain/time.ts';
import { z } from '#platform/domain/zod.ts';
import { answerSchema } from './survey.ts';

/** A survey link's token: 160 random bits as 27 base64url characters (see services/tokens.ts). */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{27}$/, '评价链接无效，请使用邮件中的完整链接');

export const followUpQuerySchema = z
  .object({
    upcoming: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true')
      .describe('true：也列出今后 30 天内到期的回访 / also list calls due in the next 30 days'),
  })
  .strict();

/** What a call came to: the complainant's answer, or nobody reached. */
export const followUpSchema = z.discriminatedUnion('outcome', [
  answerSchema.extend({ outcome: z.literal('answered'), version: z.int().positive() }),
  z
    .object({ outcome: z.literal('unreachable'), note: plainText(1, 500).optional(), version: z.int().positive() })
    .strict(),
]);

const date = (what: string) =>
  z
    .string()
    .refine(isCalendarDate, `${what}须为有效日期（YYYY-MM-DD）`)
    .optional()
    .describe(`${what}（北京时间，含当日）/ YYYY-MM-DD, Asia/Shanghai, inclusive`);

export const summaryQuerySchema = z
  .object({
    unit: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('单位（默认本人所在单位），含下级单位 / the unit, and those below it'),
    from: date('起始日期（办结日）'),
    to: date('截止日期（办结日）'),
    recount: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true')
      .describe('true：另从回访记录逐件重算并比对（仅督办人员和管理员）/ also recount from the surveys and compare'),
  })
  .strict();
