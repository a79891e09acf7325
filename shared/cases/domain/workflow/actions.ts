/** The workflow's actions: what each one is called and what its request body holds. The same for every kind. */

import { extensionDaysCeiling } from '#deadlines/domain/time-limit-policies.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { substantiations } from '../case.ts';
import { caseIdSchema } from '../ids.ts';

export const returnReasonCodes = ['not-our-remit', 'insufficient-information', 'wrong-location', 'other'] as const;

/** Free texts are stored, shown and emailed: `plainText` refuses control characters and broken Unicode. */
const reason = plainText(2, 1000);
const note = plainText(0, 1000).optional();
/** Every action may name the version the caller last saw; a stale version is refused with 409. */
const base = { version: z.number().int().positive().optional() };

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
};
