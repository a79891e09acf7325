/** The workflow's actions: what each one is called and what its request body holds. The same for every kind. */

import { extensionDaysCeiling } from '#deadlines/domain/time-limit-policies.ts';
import { attachmentRefSchema } from '#intake/domain/attachments.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { lookBackOutcomes, strikeOffOutcomes } from '#rectification/domain/details.ts';
import { substantiations } from '../case.ts';
import { caseIdSchema } from '../ids.ts';

export const returnReasonCodes = ['not-our-remit', 'insufficient-information', 'wrong-location', 'other'] as const;

/** Free texts are stored, shown and emailed: `plainText` refuses control characters and broken Unicode. */
const reason = plainText(2, 1000);
const note = plainText(0, 1000).optional();
/** Every action may name the version the caller last saw; a stale version is refused with 409. */
const base = { version: z.number().int().positive().optional() };
const day = z.iso.date('日期格式应为 YYYY-MM-DD');

/**
 * The body of each action. Limits that are policy data (the longest extension, how many extensions and returns) are
 * checked against the case's policy when the action is performed, not here.
 */
export const actionInputSchemas = {
  accept: z.object({ ...base, note }).strict(),
  reject: z.object({ ...base, reason }).strict(),
  merge: z.object({ ...base, masterCaseId: caseIdSchema, note }).strict(),
  assign: z
    .object({
      ...base,
      departmentId: z.string().trim().min(1).max(100),
      responsibleUsername: z.string().trim().min(1).max(100),
      leadUsername: z.string().trim().min(1).max(100),
      note,
    })
    .strict(),
  sign: z.object({ ...base, note }).strict(),
  return: z.object({ ...base, reasonCode: z.enum(returnReasonCodes), reason }).strict(),
  'submit-result': z
    .object({
      ...base,
      result: plainText(5, 5000),
      publicReply: plainText(5, 2000),
      substantiated: z
        .enum(substantiations)
        .optional()
        .describe(
          '投诉核查结论：yes 属实、partly 部分属实、no 不属实；查实的投诉计入被投诉企业的违法记录 / whether the complaint was substantiated',
        ),
    })
    .strict(),
  'approve-result': z.object({ ...base, note }).strict(),
  'send-back': z.object({ ...base, reason }).strict(),
  'request-extension': z.object({ ...base, days: z.number().int().min(1).max(extensionDaysCeiling), reason }).strict(),
  'approve-extension': z.object({ ...base, note }).strict(),
  'refuse-extension': z.object({ ...base, reason }).strict(),
  'request-review': z.object({ ...base, reason }).strict(),
  rehandle: z.object({ ...base, reason }).strict(),
  'confirm-result': z.object({ ...base, reason }).strict(),
  // A rectification problem's close-out (销号), in this order, then its look-back (回头看): see `workflow/rectification.ts`.
  'apply-close-out': z
    .object({
      ...base,
      result: plainText(5, 5000).describe('整改完成情况 / what was done'),
      evidence: z
        .array(attachmentRefSchema)
        .min(1)
        .max(20)
        .describe('整改佐证材料：先经 POST /v1/attachments 上传 / evidence of the fix, uploaded first'),
    })
    .strict(),
  'check-on-site': z
    .object({
      ...base,
      date: day.describe('核查日期 / the day of the visit'),
      inspectors: plainText(2, 200).describe('核查人员 / who checked'),
      findings: plainText(2, 2000).describe('核查情况 / what they found'),
      passed: z.boolean().describe('核查是否通过；不通过则退回继续整改 / passed; if not, back to rectifying'),
    })
    .strict(),
  'sign-off': z.object({ ...base, note }).strict(),
  publish: z
    .object({
      ...base,
      startDate: day.optional().describe('公示起始日，默认今天 / first day, default today'),
      where: plainText(2, 200).optional().describe('公示方式或网址 / where it is published'),
      note,
    })
    .strict(),
  'strike-off': z
    .object({
      ...base,
      outcome: z
        .enum(strikeOffOutcomes)
        .default('struck-off')
        .describe('struck-off 销号；kept-up 已完成，长期坚持（长期整改问题）/ struck off, or done and kept up'),
      note,
    })
    .strict(),
  'look-back': z
    .object({
      ...base,
      date: day.optional().describe('回头看日期，默认今天 / the day, default today'),
      outcome: z
        .enum(lookBackOutcomes)
        .describe('confirmed 成效巩固（保持销号）；rebounded 问题反弹（重新整改）/ confirmed, or rebounded (reopens)'),
      findings: plainText(2, 2000).describe('回头看情况 / what the look-back found'),
    })
    .strict(),
} as const;

export type ActionName = keyof typeof actionInputSchemas;
export const actionNames = Object.keys(actionInputSchemas) as ActionName[];
export type ActionInput<A extends ActionName> = z.output<(typeof actionInputSchemas)[A]>;

/** What each action is called; a kind may call one differently (a rectification is closed out, 销号). */
export const actionLabels: Readonly<Record<ActionName, string>> = {
  accept: '受理',
  reject: '不予受理',
  merge: '合并重复件',
  assign: '派单',
  sign: '签收',
  return: '退单',
  'submit-result': '提交办理结果',
  'approve-result': '审核通过并办结',
  'send-back': '退回重办',
  'request-extension': '申请延期',
  'approve-extension': '批准延期',
  'refuse-extension': '不批准延期',
  'request-review': '申请复核',
  rehandle: '重新办理',
  'confirm-result': '维持原办理结果',
  'apply-close-out': '申请销号',
  'check-on-site': '现场核查',
  'sign-off': '签字确认',
  publish: '公示',
  'strike-off': '销号',
  'look-back': '回头看',
};
