/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses) of what the API answers, for the OpenAPI document. Requests are
 * described from the zod schemas that validate them (`api-docs.ts`); responses have no zod schema, so they are written
 * here, each checked against its TypeScript type by `objectSchema` (every property named, required ones a subset of
 * the type's required keys) and in `test/http/openapi.test.ts` against real responses.
 */

import type { Assignment, CaseKind, CaseResult, Extension, HistoryEntry } from '#cases/domain/case.ts';
import { caseStates } from '#cases/domain/case.ts';
import type { CaseView } from '#cases/domain/case-view.ts';
import { stateLabels } from '#cases/domain/labels.ts';
import type { ComplainantView } from '#cases/domain/privacy.ts';
import type { CaseList, MyWork } from '#cases/services/list-cases.ts';
import type { CaseSummary } from '#cases/store/case-index.ts';
import { officialRoles } from '#directory/domain/roles.ts';
import { type Attachment, attachmentContentTypes } from '#intake/domain/attachments.ts';
import { channels, pollutionCategories, urgencies } from '#intake/domain/complaint-input.ts';
import {
  type PublicComplaintView,
  type PublicProgressStep,
  trackingCodePattern,
} from '#intake/domain/public-complaint.ts';
import type { UploadTicket } from '#intake/services/attachments.ts';
import type { PublicReceipt } from '#intake/services/public-intake.ts';
import type { FieldProblem } from '#platform/domain/errors.ts';
import type { Problem } from './problem.ts';

/** A JSON Schema (2020-12) or OpenAPI 3.1 Schema Object. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A reference to `components.schemas[name]`. */
export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/**
 * An object schema for the type `T`: the compiler insists on a schema for every property of `T` and allows in
 * `required` only properties `T` requires. Extra properties are allowed (adding a field is not a breaking change).
 */
export const objectSchema = <T>(
  description: string,
  properties: { readonly [K in keyof T]-?: JsonSchema },
  required: readonly RequiredKeys<T>[],
): JsonSchema => ({ type: 'object', description, properties, required });

const text = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const instant = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });
const integer = (description: string, minimum = 0): JsonSchema => ({ type: 'integer', minimum, description });
const flag = (description: string): JsonSchema => ({ type: 'boolean', description });
const list = (items: JsonSchema, description: string): JsonSchema => ({ type: 'array', items, description });

/** Every case kind, named once so the compiler notices a new one. */
const caseKindNames: Readonly<Record<CaseKind, string>> = {
  complaint: '信访投诉',
  rectification: '整改',
  task: '交办任务',
  'help-plan': '帮扶计划',
};

const describeEnum = (labels: Readonly<Record<string, string>>): string =>
  Object.entries(labels)
    .map(([value, label]) => `\`${value}\` ${label}`)
    .join('；');

const fieldProblem = objectSchema<FieldProblem>(
  '一处字段错误 / one bad field',
  {
    path: text(
      '出错字段的点分路径，整个请求体为空串 / dotted path of the field (`place.address`), empty for the whole body',
    ),
    message: text('错误说明（中文）/ what is wrong, in Chinese'),
  },
  ['path', 'message'],
);

const problem = objectSchema<Problem>(
  'RFC 9457 问题详情：API 的每个错误都以 `application/problem+json` 答复 / RFC 9457 problem details, as every error is answered',
  {
    type: text('问题类型 URI / problem type URI', {
      format: 'uri',
      examples: ['https://greenline.example.cn/problems/validation'],
    }),
    title: text('问题类型的简短说明 / short summary of the problem type'),
    status: { type: 'integer', minimum: 400, maximum: 599, description: 'HTTP 状态码 / HTTP status code' },
    detail: text('本次错误的说明 / explanation of this occurrence'),
    errors: list(schemaRef('FieldProblem'), '400 时逐项列出字段错误 / for 400: every bad field'),
    correlationId: text(
      '关联编号（请求 ID），报告问题时提供 / correlation id (the request id), to quote when reporting',
    ),
  },
  ['type', 'title', 'status'],
);

const complainantView = objectSchema<ComplainantView>(
  '投诉人：除受理和信访办外，姓名、电话、邮箱均遮蔽；保密或匿名时不显示 / the complainant, masked unless the caller may know them',
  {
    anonymous: flag('匿名投诉 / anonymous'),
    confidential: flag('要求对身份保密 / identity to be kept confidential'),
    name: text('姓名（可能已遮蔽）/ name, possibly masked'),
    phone: text('电话（可能已遮蔽）/ phone, possibly masked'),
    email: text('电子邮箱（可能已遮蔽）/ email, possibly masked'),
    unmasked: flag(
      '为 true 时姓名、电话、邮箱为原文（此次查看已记录）/ true when shown as stored (the read is recorded)',
    ),
  },
  ['anonymous', 'confidential', 'unmasked'],
);

const complaintDetails = objectSchema<NonNullable<CaseView['complaint']>>(
  '信访件内容 / what the complaint is about',
  {
    channel: { type: 'string', enum: [...channels], description: '来源渠道 / channel' },
    complainant: schemaRef('ComplainantView'),
    place: {
      type: 'object',
      description: '地点 / place',
      properties: {
        address: text('地址 / address'),
        town: text('乡镇（街道）/ town'),
        coordinates: {
          type: 'object',
          properties: { latitude: { type: 'number' }, longitude: { type: 'number' } },
          required: ['latitude', 'longitude'],
        },
      },
      required: ['address'],
    },
    source: {
      type: 'object',
      description: '被投诉单位 / the enterprise complained about',
      properties: { name: text('名称 / name'), uscc: text('统一社会信用代码 / unified social credit code') },
      required: ['name'],
    },
    category: { type: 'string', enum: [...pollutionCategories], description: '污染类别 / pollution category' },
    description: text('投诉内容 / description'),
    urgency: { type: 'string', enum: [...urgencies], description: '紧急程度 / urgency' },
    attachments: list(
      objectSchema<Attachment>(
        '附件 / an attachment',
        {
          attachmentId: text('附件编号 / attachment id'),
          fileName: text('文件名 / file name'),
          contentType: { type: 'string', enum: [...attachmentContentTypes], description: '文件类型 / media type' },
          size: integer('字节数 / bytes'),
          key: text('存储位置（附件存储桶中的对象键）/ object key in the attachments bucket'),
        },
        ['attachmentId', 'fileName', 'contentType', 'size', 'key'],
      ),
      '照片、录音等附件 / photos, recordings and documents',
    ),
  },
  ['channel', 'place', 'category', 'description', 'urgency'],
);

const assignment = objectSchema<Assignment>(
  '派单：承办科室、责任人、包案领导 / the assignment: department, responsible person and lead official',
  {
    departmentId: text('承办科室 / department'),
    departmentPath: list({ type: 'string' }, '承办科室从根单位起的路径 / the department’s path from the root unit'),
    responsibleUsername: text('责任人 / responsible person'),
    leadUsername: text('包案领导 / lead official'),
    assignedAt: instant('派单时间 / assigned at'),
    assignedBy: text('派单人 / assigned by'),
  },
  ['departmentId', 'departmentPath', 'responsibleUsername', 'leadUsername', 'assignedAt', 'assignedBy'],
);

const extension = objectSchema<Extension>(
  '延期申请 / an extension request',
  {
    status: { type: 'string', enum: ['requested', 'approved', 'refused'] },
    days: integer('延期天数 / days', 1),
    reason: text('理由 / reason'),
    requestedAt: instant('申请时间 / requested at'),
    requestedBy: text('申请人 / requested by'),
    decidedAt: instant('审批时间 / decided at'),
    decidedBy: text('审批人 / decided by'),
    decisionNote: text('审批意见 / decision note'),
  },
  ['status', 'days', 'reason', 'requestedAt', 'requestedBy'],
);

const caseResult = objectSchema<CaseResult>(
  '办理结果 / the result',
  {
    text: text('办理情况（内部）/ what the department found and did (internal)'),
    publicReply: text('答复投诉人的内容 / the reply to the complainant'),
    submittedAt: instant('提交时间 / submitted at'),
    submittedBy: text('提交人 / submitted by'),
  },
  ['text', 'publicReply', 'submittedAt', 'submittedBy'],
);

const historyEntry = objectSchema<HistoryEntry>(
  '办理历史中的一条：谁、何时、做了什么、为何、改了什么 / one history entry: who did what, when, why, what changed',
  {
    caseId: text('督办事项编号 / case id'),
    sequence: integer('序号，从 1 起 / position, from 1', 1),
    at: instant('时间 / when'),
    actor: text('操作人 / who'),
    role: { type: 'string', enum: [...officialRoles, 'system', 'public'], description: '操作人角色 / role' },
    action: text('操作（流程操作名，或 `register`、`absorb-duplicate` 等）/ the action'),
    fromState: { anyOf: [schemaRef('CaseState'), { type: 'null' }], description: '原状态 / state before' },
    toState: schemaRef('CaseState'),
    reason: text('理由或意见 / reason or note'),
    changes: { type: 'object', additionalProperties: true, description: '改动的内容 / what changed' },
  },
  ['caseId', 'sequence', 'at', 'actor', 'role', 'action', 'fromState', 'toState', 'changes'],
);

const caseView = objectSchema<CaseView>(
  '督办事项（按调用者权限遮蔽投诉人信息）/ a case, the complainant masked as the caller’s roles require',
  {
    id: text('编号（ULID）/ id (ULID)', { pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' }),
    number: text('文号，如 GL-2026-000123 / human-readable number', { examples: ['GL-2026-000123'] }),
    kind: { type: 'string', enum: Object.keys(caseKindNames), description: describeEnum(caseKindNames) },
    state: schemaRef('CaseState'),
    version: integer('版本号：办理操作可带上，过期则 409 / version, for optimistic concurrency (stale → 409)', 1),
    unitId: text('所属单位 / owning unit'),
    unitPath: list({ type: 'string' }, '所属单位从根单位起的路径 / the owning unit’s path from the root'),
    receivedAt: instant('收到时间 / received at'),
    createdAt: instant('登记时间 / created at'),
    updatedAt: instant('更新时间 / updated at'),
    createdBy: text('登记人 / created by'),
    complaint: schemaRef('ComplaintDetails'),
    historyLength: integer('历史条数 / number of history entries'),
    assignment: schemaRef('Assignment'),
    returnCount: integer('退单次数 / times returned'),
    extensions: list(schemaRef('Extension'), '延期申请 / extension requests'),
    result: schemaRef('CaseResult'),
    rejectionReason: text('不予受理理由 / reason for not accepting'),
    mergedInto: text('合并到的主件编号 / the master case this was merged into'),
    mergedCases: list({ type: 'string' }, '并入本件的重复件 / duplicates merged into this case'),
    closedAt: instant('办结时间 / closed at'),
    duplicateCandidates: list(
      {
        type: 'object',
        properties: {
          caseId: text('编号 / id'),
          number: text('文号 / number'),
          reasons: list({ type: 'string' }, '疑似重复的依据 / why it looks the same'),
        },
        required: ['caseId', 'number', 'reasons'],
      },
      '疑似重复的此前投诉，供信访办决定是否合并 / earlier complaints that look like the same matter, for the dispatcher',
    ),
    trackingCode: text('公众查询码 / the public tracking code'),
    timeLimits: {
      type: 'object',
      description:
        '办理时限：所依据的时限规则及其版本，各时限（accept 受理、sign 签收、finish 办结、review 复核）的起算时间、期限、预警起点和催办、督办时间 / ' +
        'deadlines: the policy and version they come from, and each clock with its start, deadline, warning start and escalation times',
      properties: {
        policyId: text('时限规则 / policy'),
        policyVersion: integer('规则版本 / policy version', 1),
        clocks: { type: 'object', additionalProperties: { type: 'object', additionalProperties: true } },
      },
      required: ['policyId', 'policyVersion', 'clocks'],
    },
    colour: { type: 'string', enum: ['blue', 'yellow', 'red', 'green'], description: '进度色标 / progress colour' },
    late: { type: 'boolean', description: '超期办结 / finished after its deadline' },
    nextCheckAt: instant(
      '夜间检查下次需处理的时间（下一次色标变化或催办、督办）/ when the nightly check next looks at the case',
    ),
    calendarMissingYears: list(
      { type: 'integer' },
      '时限计算缺少节假日数据的年份（期限仅供参考，须补录日历）/ years without calendar data: those deadlines are flagged',
    ),
    history: list(schemaRef('HistoryEntry'), '办理历史（查看时返回）/ the history, when reading a case'),
  },
  [
    'id',
    'number',
    'kind',
    'state',
    'version',
    'unitId',
    'unitPath',
    'receivedAt',
    'createdAt',
    'updatedAt',
    'createdBy',
    'historyLength',
    'returnCount',
    'extensions',
    'mergedCases',
  ],
);

const caseSummary = objectSchema<CaseSummary>(
  '列表中的督办事项摘要 / a case as lists show it',
  {
    id: text('编号（ULID）/ id (ULID)'),
    number: text('文号 / human-readable number'),
    kind: { type: 'string', enum: Object.keys(caseKindNames) },
    state: schemaRef('CaseState'),
    version: integer('版本号 / version', 1),
    unitId: text('所属单位 / owning unit'),
    receivedAt: instant('收到时间 / received at'),
    updatedAt: instant('更新时间 / updated at'),
    channel: { type: 'string', enum: [...channels], description: '来源渠道 / channel' },
    category: { type: 'string', enum: [...pollutionCategories], description: '污染类别 / pollution category' },
    urgency: { type: 'string', enum: [...urgencies], description: '紧急程度 / urgency' },
    town: text('乡镇（街道）/ town'),
    departmentId: text('承办科室 / department'),
    responsibleUsername: text('责任人 / responsible person'),
    leadUsername: text('包案领导 / lead official'),
    colour: { type: 'string', enum: ['blue', 'yellow', 'red', 'green'], description: '进度色标 / progress colour' },
    late: { type: 'boolean', description: '超期办结 / finished after its deadline' },
    dueAt: instant('当前最近的期限 / the nearest running deadline'),
    scopeUnitIds: list({ type: 'string' }, '可查看此事项的单位 / units that may see the case'),
  },
  ['id', 'number', 'kind', 'state', 'version', 'unitId', 'receivedAt', 'updatedAt', 'scopeUnitIds'],
);

const summaries = (description: string): JsonSchema => list(schemaRef('CaseSummary'), description);

const caseList = objectSchema<CaseList>(
  '一页督办事项，新收到的在前 / one page of cases, newest first',
  {
    items: summaries('本页的督办事项 / the cases of this page'),
    nextCursor: text(
      '下一页请带上 `cursor`；最后一页没有 / pass back as `cursor` for the next page; absent on the last',
    ),
  },
  ['items'],
);

const myWork = objectSchema<MyWork>(
  '等待调用者办理的事项，按其角色分组 / what waits for the caller, by role',
  {
    responsible: summaries('本人为责任人的未办结事项 / open cases where the caller is the responsible person'),
    lead: summaries('本人为包案领导的未办结事项 / open cases where the caller is the lead official'),
    awaitingSignature: summaries('已派到本科室、待签收 / assigned to the caller’s department, not yet signed for'),
    awaitingDispatch: summaries('待信访办处理（新登记、被退单）/ waiting for the petition office: new and returned'),
  },
  ['responsible', 'lead', 'awaitingSignature', 'awaitingDispatch'],
);

const publicReceipt = objectSchema<PublicReceipt>(
  '网上投诉的回执 / the receipt of a complaint from the public',
  {
    number: text('文号 / human-readable number'),
    trackingCode: text('查询码 / tracking code', { pattern: trackingCodePattern.source }),
    trackingSecret: text('查询密码，只显示这一次 / the secret, shown only this once'),
    receivedAt: instant('收到时间 / received at'),
    state: schemaRef('CaseState'),
  },
  ['number', 'trackingCode', 'trackingSecret', 'receivedAt', 'state'],
);

const publicProgressStep = objectSchema<PublicProgressStep>(
  '一步进度 / one step of progress',
  { at: instant('时间 / when'), state: schemaRef('CaseState'), label: text('状态名称 / state label') },
  ['at', 'state', 'label'],
);

const publicComplaintView = objectSchema<PublicComplaintView>(
  '公众可见的办理进度：状态、日期和答复，不含内部信息 / what a complainant sees: state, dates and the public reply',
  {
    trackingCode: text('查询码 / tracking code'),
    number: text('文号 / human-readable number'),
    state: schemaRef('CaseState'),
    stateLabel: text('状态名称 / state label'),
    category: { type: 'string', enum: [...pollutionCategories], description: '污染类别 / pollution category' },
    categoryLabel: text('污染类别名称 / category label'),
    receivedAt: instant('收到时间 / received at'),
    updatedAt: instant('更新时间 / updated at'),
    closedAt: instant('办结时间 / closed at'),
    reply: text('办结后的答复 / the reply, once closed'),
    rejectionReason: text('不予受理理由 / why it was not accepted'),
    mergedWithEarlierReport: flag(
      '已与此前反映同一问题的投诉合并办理 / merged with an earlier report of the same matter',
    ),
    progress: list(schemaRef('PublicProgressStep'), '办理进度 / progress'),
  },
  ['trackingCode', 'number', 'state', 'stateLabel', 'receivedAt', 'updatedAt', 'progress'],
);

const uploadTicket = objectSchema<UploadTicket>(
  '预签名上传：在 `expiresAt` 前以 `method` 和 `headers` 把文件发到 `uploadUrl` / send the file to `uploadUrl` before `expiresAt`',
  {
    attachmentId: text('附件编号（ULID），在信访件中引用 / the id to refer to in a complaint'),
    uploadUrl: text('预签名上传地址 / the presigned URL', { format: 'uri' }),
    method: { type: 'string', const: 'PUT' },
    headers: {
      type: 'object',
      description: '上传时须带的请求头 / headers the upload must carry',
      properties: { 'content-type': { type: 'string' } },
      required: ['content-type'],
    },
    expiresAt: instant('上传地址失效时间 / when the URL expires'),
  },
  ['attachmentId', 'uploadUrl', 'method', 'headers', 'expiresAt'],
);

const healthStatus = objectSchema<{ status: 'ok'; time: string }>(
  '服务状态 / service status',
  { status: { type: 'string', const: 'ok' }, time: instant('服务器时间 / server time') },
  ['status', 'time'],
);

/** Named schemas every document carries under `components.schemas`. */
export const componentSchemas: Readonly<Record<string, JsonSchema>> = {
  Problem: problem,
  FieldProblem: fieldProblem,
  GatewayError: {
    type: 'object',
    description:
      'API Gateway 自身的答复（如 JWT 授权失败、函数超时），不是 problem+json / API Gateway’s own answer (JWT authorizer refusal, function timeout)',
    properties: { message: { type: 'string', examples: ['Unauthorized', 'Internal Server Error'] } },
    required: ['message'],
  },
  HealthStatus: healthStatus,
  CaseState: {
    type: 'string',
    enum: [...caseStates],
    description: describeEnum(stateLabels),
  },
  Case: caseView,
  ComplaintDetails: complaintDetails,
  ComplainantView: complainantView,
  Assignment: assignment,
  Extension: extension,
  CaseResult: caseResult,
  HistoryEntry: historyEntry,
  CaseSummary: caseSummary,
  CaseList: caseList,
  MyWork: myWork,
  PublicReceipt: publicReceipt,
  PublicProgressStep: publicProgressStep,
  PublicComplaintView: publicComplaintView,
  UploadTicket: uploadTicket,
  ColourCounts: {
    type: 'object',
    description: '按色标计数：红（超期）、黄（临期）、蓝（正常）、绿（已办结）/ counts by colour',
    properties: Object.fromEntries(
      ['red', 'yellow', 'blue', 'green'].map((colour) => [colour, { type: 'integer', minimum: 0 }]),
    ),
    required: ['red', 'yellow', 'blue', 'green'],
  },
  OpenApiDocument: {
    type: 'object',
    description: '本文档 / this document (OpenAPI 3.1)',
    properties: { openapi: { type: 'string' }, info: { type: 'object' }, paths: { type: 'object' } },
    required: ['openapi', 'info', 'paths'],
  },
};
