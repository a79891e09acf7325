/**
 * The intake routes: complaints recorded by officials, complaints and progress queries from the public, and
 * attachment uploads — with the zod schemas the functions parse with and the schemas of what they answer.
 */

import { caseStateSchema, caseViewSchema } from '#cases/api.ts';
import { newUploadSchema } from '#intake/domain/attachments.ts';
import { newComplaintSchema, pollutionCategories } from '#intake/domain/complaint-input.ts';
import {
  type PublicComplaintView,
  type PublicProgressStep,
  publicComplaintSchema,
  trackingCodePattern,
} from '#intake/domain/public-complaint.ts';
import type { UploadTicket } from '#intake/services/attachments.ts';
import type { PublicReceipt } from '#intake/services/public-intake.ts';
import { z } from '#platform/domain/zod.ts';
import {
  type ApiRoute,
  created,
  instant,
  jsonRequest,
  locationHeader,
  narrowSchemaFor,
  ok,
  schemaFor,
  text,
} from '#platform/http/api-registry.ts';
import { idempotencyKeyHeader } from '#platform/idempotency.ts';

/**
 * A progress query: the tracking code (path) and the secret (`X-Tracking-Secret` header), checked together so that one
 * answer names both when both are wrong.
 */
export const trackingRequestSchema = z.object({
  trackingCode: z.string().trim().toUpperCase().regex(trackingCodePattern, '查询码格式不正确'),
  secret: z.string({ error: '请在 X-Tracking-Secret 请求头中提供查询密码' }).min(1).max(200),
});

// The schemas below are the states' public side: `PublicReceipt.state` and `category` are typed `string`.

const publicReceiptSchema = narrowSchemaFor<PublicReceipt>()(
  z
    .object({
      number: text('文号 / human-readable number'),
      trackingCode: text('查询码 / tracking code').regex(trackingCodePattern),
      trackingSecret: text('查询密码，只显示这一次 / the secret, shown only this once'),
      receivedAt: instant('收到时间 / received at'),
      state: caseStateSchema,
    })
    .meta({ id: 'PublicReceipt', description: '网上投诉的回执 / the receipt of a complaint from the public' }),
);

const publicProgressStepSchema = schemaFor<PublicProgressStep>()(
  z
    .object({ at: instant('时间 / when'), state: caseStateSchema, label: text('状态名称 / state label') })
    .meta({ id: 'PublicProgressStep', description: '一步进度 / one step of progress' }),
);

const publicComplaintViewSchema = narrowSchemaFor<PublicComplaintView>()(
  z
    .object({
      trackingCode: text('查询码 / tracking code'),
      number: text('文号 / human-readable number'),
      state: caseStateSchema,
      stateLabel: text('状态名称 / state label'),
      category: z.enum(pollutionCategories).optional().describe('污染类别 / pollution category'),
      categoryLabel: text('污染类别名称 / category label').optional(),
      receivedAt: instant('收到时间 / received at'),
      updatedAt: instant('更新时间 / updated at'),
      acceptedAt: instant('受理时间 / accepted at').optional(),
      decisionDueDate: z.iso
        .date()
        .optional()
        .describe(
          '待受理时：作出是否受理决定的最后一日（北京时间）/ while awaiting acceptance: the last day to decide',
        ),
      finishDueDate: z.iso
        .date()
        .optional()
        .describe(
          '受理后至办结前：办结期限的最后一日，含延期 / once accepted, until closed: the last day to finish it',
        ),
      closedAt: instant('办结时间 / closed at').optional(),
      reply: text('办结后的答复 / the reply, once closed').optional(),
      rejectionReason: text('不予受理理由 / why it was not accepted').optional(),
      mergedWithEarlierReport: z
        .boolean()
        .optional()
        .describe('已与此前反映同一问题的投诉合并办理 / merged with an earlier report of the same matter'),
      progress: z.array(publicProgressStepSchema).describe('办理进度 / progress'),
    })
    .meta({
      id: 'PublicComplaintView',
      description:
        '公众可见的办理进度：状态、日期和答复，不含内部信息 / what a complainant sees: state, dates and the public reply',
    }),
);

const uploadTicketSchema = schemaFor<UploadTicket>()(
  z
    .object({
      attachmentId: text('附件编号（ULID），在信访件中引用 / the id to refer to in a complaint'),
      uploadUrl: z.url().describe('预签名上传地址 / the presigned URL'),
      method: z.literal('PUT'),
      headers: z.object({ 'content-type': z.string() }).describe('上传时须带的请求头 / headers the upload must carry'),
      expiresAt: instant('上传地址失效时间 / when the URL expires'),
    })
    .meta({
      id: 'UploadTicket',
      description:
        '预签名上传：在 `expiresAt` 前以 `method` 和 `headers` 把文件发到 `uploadUrl` / send the file to `uploadUrl` before `expiresAt`',
    }),
);

const newUpload = jsonRequest('要上传的文件 / the file to upload', newUploadSchema.meta({ id: 'NewUpload' }));

export const intakeApi = {
  submitComplaint: {
    method: 'POST',
    path: '/v1/complaints',
    function: 'submit-complaint',
    auth: 'official',
    summary: '登记信访件',
    tags: ['complaints'],
    description:
      '接线员或信访办登记一件信访投诉，生成督办事项（状态 `registered`）。/ An official records a complaint; ' +
      'the new case is answered with its `Location`.',
    headers: idempotencyKeyHeader,
    body: jsonRequest('信访件 / the complaint', newComplaintSchema.meta({ id: 'NewComplaint' })),
    response: created('已登记 / the case created', caseViewSchema, locationHeader),
    problems: [400, 403, 409, 415, 422],
  },
  submitPublicComplaint: {
    method: 'POST',
    path: '/v1/public/complaints',
    function: 'submit-public-complaint',
    auth: 'public',
    summary: '网上投诉（无需登录，返回查询码和查询密码）',
    tags: ['public'],
    description:
      '公众经网上表单投诉，无需登录；答复查询码和仅显示一次的查询密码。按来源 IP 限流。/ A complaint from the public web ' +
      'form; answers a tracking code and a secret shown only once. Rate-limited by client IP.',
    headers: idempotencyKeyHeader,
    body: jsonRequest(
      '投诉（来源渠道与收到时间由服务器填写）/ the complaint',
      publicComplaintSchema.meta({ id: 'NewPublicComplaint' }),
    ),
    response: created('已登记，请保存查询码和查询密码 / registered: keep the code and secret', publicReceiptSchema),
    problems: [400, 409, 415, 422, 429],
  },
  trackComplaint: {
    method: 'GET',
    path: '/v1/public/complaints/{trackingCode}',
    function: 'track-complaint',
    auth: 'public',
    summary: '凭查询码和查询密码（X-Tracking-Secret 请求头）查询办理进度',
    tags: ['public'],
    description:
      '凭查询码和查询密码查看办理进度与答复；查询码不存在与密码错误不作区分（均为 404）。按来源 IP 限流。/ Progress and reply ' +
      'for a tracking code and its secret; an unknown code and a wrong secret are both a 404. Rate-limited by client IP.',
    pathParameters: {
      trackingCode: {
        description: '查询码（12 位，大小写均可）/ the tracking code (12 characters, any case)',
        schema: trackingRequestSchema.shape.trackingCode,
        example: 'K7M2Q9X4B1ZR',
      },
    },
    headers: {
      'x-tracking-secret': {
        description: '登记时得到的查询密码 / the secret given at submission',
        schema: trackingRequestSchema.shape.secret,
        required: true,
      },
    },
    response: ok('公众可见的办理进度 / progress as the public may see it', publicComplaintViewSchema),
    problems: [400, 404, 429],
  },
  createUpload: {
    method: 'POST',
    path: '/v1/attachments',
    function: 'create-upload',
    auth: 'official',
    summary: '申请附件上传地址（照片、录音、视频、PDF）',
    tags: ['attachments'],
    description:
      '申请附件的预签名上传地址：以答复中的 `method`、`headers` 把文件发到 `uploadUrl`，再在信访件中引用 `attachmentId`。' +
      '/ Asks for a presigned upload URL; upload there, then refer to `attachmentId` in a complaint.',
    body: newUpload,
    response: created('上传地址 / where to upload', uploadTicketSchema),
    problems: [400, 415],
  },
  createPublicUpload: {
    method: 'POST',
    path: '/v1/public/attachments',
    function: 'create-upload',
    auth: 'public',
    summary: '公众申请附件上传地址',
    tags: ['public', 'attachments'],
    description:
      '同 `POST /v1/attachments`，供公众网上表单使用，无需登录。/ As `POST /v1/attachments`, for the public form.',
    body: newUpload,
    response: created('上传地址 / where to upload', uploadTicketSchema),
    problems: [400, 415],
  },
} as const satisfies Record<string, ApiRoute>;
