import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { attachmentRefSchema, maxAttachmentsPerComplaint } from './attachments.ts';
import { isValidUscc } from './uscc.ts';

export const channels = [
  'hotline',
  'web',
  'wechat',
  'letter',
  'visit',
  'email',
  'online-platform',
  'higher-level',
] as const;
export type Channel = (typeof channels)[number];

export const pollutionCategories = [
  'air',
  'water',
  'noise',
  'solid-waste',
  'soil',
  'radiation',
  'ecology',
  'other',
] as const;
export type PollutionCategory = (typeof pollutionCategories)[number];

export const urgencies = ['normal', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];

/** Mainland mobile numbers, or landlines with area code (and an optional extension). */
const phonePattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

const trimmed = plainText;

/** Greenline records complaints of this century; an older receipt time is a typo (and a later one is refused too). */
const earliestReceipt = Date.parse('2000-01-01T00:00:00+08:00');

const complainantSchema = z
  .object({
    anonymous: z.boolean().default(false),
    name: trimmed(1, 50).optional(),
    phone: z.string().trim().regex(phonePattern, '电话号码格式不正确（手机号 11 位，或带区号的固定电话）').optional(),
    email: z.email('电子邮箱格式不正确').max(254).optional(),
    /** The complainant asks that their identity be known only to intake and the petition office. */
    confidential: z.boolean().default(false),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.anonymous && value.name) {
      context.addIssue({ code: 'custom', path: ['name'], message: '匿名投诉不应填写姓名' });
    }
  });

/** China's extent, roughly: anything outside is a typo or swapped coordinates. */
const coordinatesSchema = z
  .object({
    latitude: z.number().min(3.8, '纬度超出中国范围（3.8–53.6）').max(53.6, '纬度超出中国范围（3.8–53.6）'),
    longitude: z.number().min(73.5, '经度超出中国范围（73.5–135.1）').max(135.1, '经度超出中国范围（73.5–135.1）'),
  })
  .strict();

const placeSchema = z
  .object({
    address: trimmed(2, 200),
    town: trimmed(1, 50).optional(),
    coordinates: coordinatesSchema.optional(),
  })
  .strict();

const sourceSchema = z
  .object({
    name: trimmed(1, 200),
    uscc: z.string().trim().toUpperCase().refine(isValidUscc, '统一社会信用代码无效（18 位，末位为校验码）').optional(),
  })
  .strict();

/** A complaint as an official records it (`POST /v1/complaints`). */
export const newComplaintSchema = z
  .object({
    channel: z.enum(channels),
    receivedAt: z.iso
      .datetime({ offset: true, message: '须为带时区的 ISO 8601 时间' })
      .refine((value) => new Date(value).getTime() >= earliestReceipt, '收到时间不能早于 2000 年')
      .optional(),
    complainant: complainantSchema.optional(),
    place: placeSchema,
    source: sourceSchema.optional(),
    category: z.enum(pollutionCategories),
    description: trimmed(10, 5000),
    urgency: z.enum(urgencies).default('normal'),
    /** Uploads made through `POST /v1/attachments` (or the public route), by id. */
    attachments: z
      .array(attachmentRefSchema)
      .max(maxAttachmentsPerComplaint, `附件最多 ${maxAttachmentsPerComplaint} 个`)
      .default([]),
  })
  .strict();

export type NewComplaint = z.infer<typeof newComplaintSchema>;
