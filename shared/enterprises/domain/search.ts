/**
 * Searching the register: by a fragment of the name, by town, industry, grade and flags. Each criterion is an index
 * partition (store/keys.ts); a name fragment is the two-character pieces (bigrams) of the normalised name, so "金属制品"
 * finds "某某金属制品有限公司" through the partitions of 金属, 属制 and 制品. The candidates that every partition holds are
 * then checked against the enterprise itself ({@link matchesSearch}): bigrams narrow, the check decides.
 */
import { gradeQuerySchema } from '#grading/domain/grades.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import type { Enterprise } from './enterprise.ts';
import { industryCodeSchema, positiveListStatuses } from './enterprise.ts';

/** The form names are compared in: NFKC (full-width letters and digits as half-width), lower case, no spaces. */
export const normaliseName = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The distinct two-character pieces of a name, in order of first appearance (code points, not UTF-16 units). */
export const nameBigrams = (name: string): string[] => {
  const characters = [...normaliseName(name)];
  const pieces = new Set<string>();
  for (let index = 0; index + 1 < characters.length; index += 1) {
    pieces.add(`${characters[index]}${characters[index + 1]}`);
  }
  return [...pieces];
};

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const defaultSearchLimit = 50;
export const maxSearchLimit = 100;

/** `GET /v1/enterprises`: every criterion given must hold. */
export const enterpriseSearchSchema = z
  .object({
    q: plainText(1, 50)
      .refine((value) => [...normaliseName(value)].length >= 2, '名称关键字至少 2 个字')
      .optional()
      .describe('名称关键字（至少 2 个字）/ a fragment of the name, 2 characters or more'),
    town: plainText(1, 50).optional().describe('乡镇（街道）/ town'),
    industry: industryCodeSchema.optional().describe('行业代码（国民经济行业分类）/ industry code'),
    grade: gradeQuerySchema
      .optional()
      .describe('绩效分级：`A+`（查询串中写作 `A%2B`）、`A`、`B`、`B-`、`C`、`D`，`none` 未评级 / grade'),
    keyPolluter: booleanQuery.optional().describe('`true` 只看重点排污单位 / key polluters only'),
    vocs: booleanQuery.optional().describe('`true` 只看涉 VOCs 企业 / VOCs emitters only'),
    positiveList: z.enum(positiveListStatuses).optional().describe('正面清单状态 / positive-list status'),
    regrade: booleanQuery.optional().describe('`true` 只看待重新评级的企业 / only firms flagged for re-assessment'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxSearchLimit)
      .default(defaultSearchLimit)
      .describe(`每页条数（默认 ${defaultSearchLimit}，最多 ${maxSearchLimit}）/ page size`),
    cursor: z.string().trim().min(1).max(400).optional().describe('上一页返回的 `nextCursor` / where the page starts'),
  })
  .strict()
  .superRefine((query, context) => {
    if (query.keyPolluter === false) {
      context.addIssue({ code: 'custom', path: ['keyPolluter'], message: '只能取 true（不限时省略）' });
    }
    if (query.vocs === false)
      context.addIssue({ code: 'custom', path: ['vocs'], message: '只能取 true（不限时省略）' });
    if (query.regrade === false) {
      context.addIssue({ code: 'custom', path: ['regrade'], message: '只能取 true（不限时省略）' });
    }
  });
export type EnterpriseSearch = z.output<typeof enterpriseSearchSchema>;

/** Whether `enterprise` meets every criterion of `search` (the index narrows; this decides). */
export const matchesSearch = (enterprise: Enterprise, search: EnterpriseSearch): boolean =>
  (search.q === undefined || normaliseName(enterprise.name).includes(normaliseName(search.q))) &&
  (search.town === undefined || enterprise.town === search.town) &&
  (search.industry === undefined || enterprise.industries.some((industry) => industry.code === search.industry)) &&
  (search.grade === undefined || (enterprise.grade ?? 'none') === search.grade) &&
  (search.keyPolluter === undefined || enterprise.keyPolluter) &&
  (search.vocs === undefined || enterprise.vocs) &&
  (search.positiveList === undefined || enterprise.positiveList === search.positiveList) &&
  (search.regrade === undefined || enterprise.regrade !== undefined);
