/**
 * The inspector pool (执法人员库): directory users entered here with their law-enforcement certificate (执法证) number,
 * active or not, and the ties each has declared to enterprises (a relative works there, a former employer …), which
 * keep them from being drawn for that firm. The directory has no inspector role and keeps no certificates, so the pool
 * is the capability's own list; each entry names a directory user, whose name it shows.
 */
import { usccSchema } from '#enterprises/domain/uscc.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';

export const usernameSchema = z.string().trim().min(1).max(100).describe('用户名 / username');

export const certificateNumberSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{6,30}$/, '执法证号为 6–30 位数字、字母或连字符')
  .describe('执法证号 / certificate number');

export const tieSchema = z
  .object({
    uscc: usccSchema.describe('有利害关系的企业 / the firm'),
    reason: plainText(2, 200).describe('申报的关系（如近亲属任职）/ the declared tie'),
  })
  .strict();

/** `PUT /v1/inspection-plans/inspectors/{username}`. */
export const inspectorEntrySchema = z
  .object({
    certificateNumber: certificateNumberSchema,
    active: z.boolean().default(true).describe('在库（可被抽取）/ in the pool'),
    ties: z.array(tieSchema).max(50).default([]).describe('申报的利害关系企业 / declared ties'),
  })
  .strict()
  .superRefine((entry, context) => {
    entry.ties.forEach((tie, index) => {
      if (entry.ties.findIndex((other) => other.uscc === tie.uscc) < index) {
        context.addIssue({ code: 'custom', path: ['ties', index, 'uscc'], message: '同一企业重复申报' });
      }
    });
  });
export type InspectorEntry = z.output<typeof inspectorEntrySchema>;

export interface Inspector {
  readonly username: string;
  readonly name: string;
  readonly unitId: string;
  readonly certificateNumber: string;
  readonly active: boolean;
  readonly ties: readonly { readonly uscc: string; readonly reason: string }[];
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** What the public may know of an inspector: the name and the certificate number, nothing else. */
export interface PublicInspector {
  readonly name: string;
  readonly certificateNumber: string;
}
