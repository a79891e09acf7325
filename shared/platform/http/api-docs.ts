/**
 * What the OpenAPI document says about each route of the route table (`routes.ts`), keyed by its route key. Request
 * bodies, path and query parameters point at the same zod schemas the functions validate with, so the document cannot
 * drift from validation; responses point at the hand-written schemas of `api-schemas.ts`.
 *
 * Adding a route? Add its entry here too: `test/http/openapi.test.ts` fails for a route without one (the served
 * document still lists it, with its summary, path parameters and generic problem responses).
 */
import { z } from 'zod';
import { caseListQuerySchema } from '#cases/domain/case-query.ts';
import { caseIdSchema } from '#cases/domain/ids.ts';
import { stateLabels } from '#cases/domain/labels.ts';
import { type ActionName, actionInputSchemas, actionNames, actionRules } from '#cases/domain/workflow.ts';
import { type CalendarDay, type CalendarYear, calendarYearBodySchema } from '#deadlines/domain/calendar.ts';
import { policySetSchema } from '#deadlines/domain/time-limit-policies.ts';
import { newUploadSchema } from '#intake/domain/attachments.ts';
import { newComplaintSchema } from '#intake/domain/complaint-input.ts';
import { idempotencyKeyPattern } from '#intake/domain/idempotency-key.ts';
import { publicComplaintSchema, trackingCodePattern } from '#intake/domain/public-complaint.ts';
import { ledgerQuerySchema } from '#ledger/domain/ledger.ts';
import { type JsonSchema, objectSchema, schemaRef } from './api-schemas.ts';

/** A zod schema (converted to JSON Schema when the document is built) or a JSON Schema. */
export type SchemaSource = z.core.$ZodType | JsonSchema;

/** Problem statuses the functions answer with (`problem.ts`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 415 | 422 | 429 | 500;

export const apiTags = {
  system: '系统 / System',
  complaints: '信访件登记 / Complaint intake',
  public: '公众投诉与查询（无需登录）/ Complaints from the public (no token)',
  attachments: '附件上传 / Attachment uploads',
  cases: '督办事项办理 / Case handling',
  admin: '系统管理 / Administration',
  deadlines: '时限与四色台账 / Deadlines and the four-colour ledger',
} as const;
export type ApiTag = keyof typeof apiTags;

export interface ApiParameter {
  readonly description: string;
  readonly schema: SchemaSource;
  readonly example?: unknown;
}

export interface ApiBody {
  readonly description: string;
  readonly schema: SchemaSource;
  /** Also put the schema under `components.schemas[component]` and refer to it. */
  readonly component?: string;
  /** False when the function accepts a request without a body. */
  readonly required?: boolean;
}

/** A body whose schema depends on a path parameter: one schema per value, each under `components.schemas`. */
export interface ApiBodyVariants {
  readonly description: string;
  /** The path parameter whose value picks the variant. */
  readonly selector: string;
  /** Component name of a variant: `${componentPrefix}${value}`. */
  readonly componentPrefix: string;
  /** False when the function accepts a request without a body. */
  readonly required?: boolean;
  readonly variants: Readonly<Record<string, { readonly schema: SchemaSource; readonly description: string }>>;
}

export interface ApiResponse {
  readonly status: 200 | 201 | 202 | 204;
  readonly description: string;
  readonly schema?: SchemaSource;
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: JsonSchema }>>;
}

export interface ApiOperation {
  readonly tags: readonly ApiTag[];
  /** Longer than the route's summary; English after the Chinese is welcome. */
  readonly description?: string;
  /** One entry per `{name}` of the path. */
  readonly pathParameters?: Readonly<Record<string, ApiParameter>>;
  /** The zod object the query string is validated with: each property becomes a query parameter. */
  readonly query?: z.core.$ZodObject;
  /** Request headers the function reads, by lower-case name. */
  readonly headers?: Readonly<Record<string, ApiParameter & { readonly required?: boolean }>>;
  readonly body?: ApiBody | ApiBodyVariants;
  readonly response: ApiResponse;
  /** Problems the route answers besides 401 (every official route) and 500 (every route), which are added. */
  readonly problems: readonly ProblemStatus[];
}

/** A 200 answer. */
export const ok = (description: string, schema?: SchemaSource): ApiResponse => ({
  status: 200,
  description,
  ...(schema ? { schema } : {}),
});

/** A 201 answer. */
export const created = (description: string, schema?: SchemaSource, headers?: ApiResponse['headers']): ApiResponse => ({
  status: 201,
  description,
  ...(schema ? { schema } : {}),
  ...(headers ? { headers } : {}),
});

/** The `Location` header of a 201 answer. */
export const locationHeader: NonNullable<ApiResponse['headers']> = {
  location: { description: '新资源的地址 / where the new resource is', schema: { type: 'string' } },
};

/** The optional `Idempotency-Key` request header of the intake routes. */
const idempotencyKeyHeader: NonNullable<ApiOperation['headers']> = {
  'idempotency-key': {
    description:
      '可选的幂等键：以同一键重试同一请求，得到首次的结果；键用于不同内容时答复 422 / optional: a retry with the same key ' +
      'and body gets the first answer; the same key with another body is a 422',
    schema: { type: 'string', pattern: idempotencyKeyPattern.source },
    example: 'hotline-20261120-0001',
  },
};

/** A JSON request body validated by `schema`. */
export const jsonRequest = (description: string, schema: SchemaSource, component?: string): ApiBody => ({
  description,
  schema,
  ...(component ? { component } : {}),
});

export const caseIdParameter: ApiParameter = {
  description: '督办事项编号（ULID）/ case id (ULID)',
  schema: caseIdSchema,
  example: '01KCASEAAAAAAAAAAAAAAAAAAA',
};

const actionDescription = (name: ActionName): string => {
  const rule = actionRules[name];
  const from = rule.from.map((state) => `\`${state}\`（${stateLabels[state]}）`).join('、');
  return `\`${name}\`：${rule.label}。适用状态 / allowed in: ${from}。`;
};

const calendarYearParameter: ApiParameter = {
  description: '公历年份 / the year',
  schema: { type: 'integer', minimum: 2000, maximum: 2100 },
  example: 2027,
};

const calendarYearView = objectSchema<CalendarYear>(
  '某年的工作日历 / one year of the working calendar',
  {
    year: { type: 'integer', description: '年份 / year' },
    source: {
      type: 'string',
      enum: ['library', 'admin', 'none'],
      description:
        '数据来源：`library` 节假日库，`admin` 管理员录入（优先），`none` 无数据（按工作日计算的时限将被标记）/ where the ' +
        'data comes from; `none`: working-day deadlines in this year are flagged',
    },
    days: {
      type: 'array',
      description:
        '该年生效的节假日与调休上班日（节假日库的日期被管理员录入的同日日期替换），按日期排序 / the special days in effect, ' +
        'library days replaced by admin days of the same date, by date',
      items: objectSchema<CalendarDay>(
        '一个特殊日期 / a special day',
        {
          date: { type: 'string', format: 'date', description: '日期 / date (YYYY-MM-DD)' },
          kind: {
            type: 'string',
            enum: ['holiday', 'makeup-workday'],
            description: '`holiday` 放假；`makeup-workday` 调休上班 / holiday, or weekend day worked in lieu',
          },
          name: { type: 'string', description: '节日名称 / name of the holiday' },
        },
        ['date', 'kind'],
      ),
    },
    hasData: { type: 'boolean', description: '该年是否有日历数据 / whether the year has calendar data' },
  },
  ['year', 'source', 'days', 'hasData'],
);

/**
 * The registry, keyed by `routeKey(route)`.
 *
 * @example
 * ```ts
 * 'GET /v1/cases/{id}/history': {
 *   tags: ['cases'],
 *   pathParameters: { id: caseIdParameter },
 *   response: ok('办理历史 / the history', { type: 'array', items: schemaRef('HistoryEntry') }),
 *   problems: [400, 403, 404],
 * },
 * ```
 */
const policySetJson: JsonSchema = {
  type: 'object',
  description: '一个版本的时限规则 / one version of the time-limit policies',
  properties: {
    version: { type: 'integer', minimum: 1 },
    policies: { type: 'array', items: { type: 'object', additionalProperties: true } },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string' },
  },
  required: ['version', 'policies'],
};

export const apiDocs: Readonly<Record<string, ApiOperation>> = {
  'GET /v1/health': {
    tags: ['system'],
    description: '服务是否可用，无需登录。/ Whether the service is up; no token needed.',
    response: ok('服务正常 / the service is up', schemaRef('HealthStatus')),
    problems: [],
  },
  'GET /v1/openapi.json': {
    tags: ['system'],
    description: '本 OpenAPI 3.1 文档，由校验请求的同一组 schema 生成。/ This OpenAPI 3.1 document.',
    response: ok('OpenAPI 3.1 文档 / the OpenAPI 3.1 document', schemaRef('OpenApiDocument')),
    problems: [],
  },
  'POST /v1/complaints': {
    tags: ['complaints'],
    description:
      '接线员或信访办登记一件信访投诉，生成督办事项（状态 `registered`）。/ An official records a complaint; ' +
      'the new case is answered with its `Location`.',
    headers: idempotencyKeyHeader,
    body: jsonRequest('信访件 / the complaint', newComplaintSchema, 'NewComplaint'),
    response: created('已登记 / the case created', schemaRef('Case'), locationHeader),
    problems: [400, 403, 409, 415, 422],
  },
  'POST /v1/public/complaints': {
    tags: ['public'],
    description:
      '公众经网上表单投诉，无需登录；答复查询码和仅显示一次的查询密码。按来源 IP 限流。/ A complaint from the public web ' +
      'form; answers a tracking code and a secret shown only once. Rate-limited by client IP.',
    headers: idempotencyKeyHeader,
    body: jsonRequest(
      '投诉（来源渠道与收到时间由服务器填写）/ the complaint',
      publicComplaintSchema,
      'NewPublicComplaint',
    ),
    response: created(
      '已登记，请保存查询码和查询密码 / registered: keep the code and secret',
      schemaRef('PublicReceipt'),
    ),
    problems: [400, 409, 415, 422, 429],
  },
  'GET /v1/public/complaints/{trackingCode}': {
    tags: ['public'],
    description:
      '凭查询码和查询密码查看办理进度与答复；查询码不存在与密码错误不作区分（均为 404）。按来源 IP 限流。/ Progress and reply ' +
      'for a tracking code and its secret; an unknown code and a wrong secret are both a 404. Rate-limited by client IP.',
    pathParameters: {
      trackingCode: {
        description: '查询码（12 位，大小写均可）/ the tracking code (12 characters, any case)',
        schema: { type: 'string', pattern: trackingCodePattern.source },
        example: 'K7M2Q9X4B1ZR',
      },
    },
    headers: {
      'x-tracking-secret': {
        description: '登记时得到的查询密码 / the secret given at submission',
        schema: { type: 'string', minLength: 1, maxLength: 200 },
        required: true,
      },
    },
    response: ok('公众可见的办理进度 / progress as the public may see it', schemaRef('PublicComplaintView')),
    problems: [400, 404, 429],
  },
  'POST /v1/attachments': {
    tags: ['attachments'],
    description:
      '申请附件的预签名上传地址：以答复中的 `method`、`headers` 把文件发到 `uploadUrl`，再在信访件中引用 `attachmentId`。' +
      '/ Asks for a presigned upload URL; upload there, then refer to `attachmentId` in a complaint.',
    body: jsonRequest('要上传的文件 / the file to upload', newUploadSchema, 'NewUpload'),
    response: created('上传地址 / where to upload', schemaRef('UploadTicket')),
    problems: [400, 415],
  },
  'POST /v1/public/attachments': {
    tags: ['public', 'attachments'],
    description:
      '同 `POST /v1/attachments`，供公众网上表单使用，无需登录。/ As `POST /v1/attachments`, for the public form.',
    body: jsonRequest('要上传的文件 / the file to upload', newUploadSchema, 'NewUpload'),
    response: created('上传地址 / where to upload', schemaRef('UploadTicket')),
    problems: [400, 415],
  },
  'GET /v1/cases': {
    tags: ['cases'],
    description:
      '本单位及下级单位（或 `unit` 所指的下级单位、`assignee` 所指责任人）的督办事项，新收到的在前，分页。日期不带时刻时按北京时间' +
      '整日计。/ Cases of a unit and those below it (default: the caller’s), or of a responsible person, newest first.',
    query: caseListQuerySchema,
    response: ok('一页督办事项 / one page of cases', schemaRef('CaseList')),
    problems: [400, 403, 404],
  },
  'GET /v1/ledger': {
    tags: ['deadlines'],
    description:
      '四色管理台账：本单位（或 `unit` 所指下级单位）及其直属下级单位按色标（红、黄、蓝、绿）计数，以及各色标下最紧急的事项。' +
      '/ The four-colour ledger of a unit: counts by colour for it and each unit directly below, and the cases behind each colour.',
    query: ledgerQuerySchema,
    response: ok('四色台账 / the ledger', {
      type: 'object',
      properties: {
        unitId: { type: 'string' },
        finishedSince: { type: 'string', format: 'date-time' },
        counts: { $ref: '#/components/schemas/ColourCounts' },
        units: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              unitId: { type: 'string' },
              name: { type: 'string' },
              counts: { $ref: '#/components/schemas/ColourCounts' },
            },
          },
        },
        cases: {
          type: 'object',
          properties: Object.fromEntries(
            ['red', 'yellow', 'blue', 'green'].map((colour) => [
              colour,
              { type: 'array', items: schemaRef('CaseSummary') },
            ]),
          ),
        },
      },
      required: ['unitId', 'finishedSince', 'counts', 'units', 'cases'],
    }),
    problems: [400, 403, 404],
  },
  'GET /v1/admin/time-limit-policies': {
    tags: ['deadlines'],
    description:
      '现行办理时限规则及历史版本（管理员、督办人员）。/ The time-limit policies in force and every saved version.',
    response: ok('时限规则 / the policies', {
      type: 'object',
      properties: { current: policySetJson, versions: { type: 'array', items: policySetJson } },
      required: ['current', 'versions'],
    }),
    problems: [403],
  },
  'PUT /v1/admin/time-limit-policies': {
    tags: ['deadlines'],
    description:
      '保存新版本的时限规则（管理员）；`basedOn` 须为现行版本号，否则 409。已有事项的期限及其所依据的版本不变。' +
      '/ Saves the next version (admins); `basedOn` must be the version in force. Existing deadlines do not move.',
    body: jsonRequest('时限规则 / the policies', policySetSchema.extend({ basedOn: z.number().int().min(1) })),
    response: ok('保存后的版本 / the saved version', policySetJson),
    problems: [400, 403, 409],
  },
  'GET /v1/my-work': {
    tags: ['cases'],
    description: '按调用者的角色列出待其办理的事项。/ What waits for the caller, by the roles they hold.',
    response: ok('我的待办 / my work', schemaRef('MyWork')),
    problems: [],
  },
  'GET /v1/cases/{id}': {
    tags: ['cases'],
    description:
      '督办事项及其办理历史；投诉人信息按角色遮蔽。/ A case with its history; the complainant masked by role.',
    pathParameters: { id: caseIdParameter },
    response: ok('督办事项 / the case, with `history`', schemaRef('Case')),
    problems: [400, 403, 404],
  },
  'GET /v1/cases/{id}/access-log': {
    tags: ['cases'],
    description:
      '谁在何时、为何读取了该事项投诉人的未遮蔽个人信息（督办人员、系统管理员）。/ Who read the complainant’s unmasked ' +
      'personal data, when and why (supervisors and administrators).',
    pathParameters: { id: caseIdParameter },
    response: ok('访问记录 / the accesses', {
      type: 'object',
      properties: {
        caseId: { type: 'string' },
        accesses: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              caseId: { type: 'string' },
              username: { type: 'string' },
              roles: { type: 'array', items: { type: 'string' } },
              at: { type: 'string', format: 'date-time' },
              purpose: { type: 'string', description: '如 read-case、register-complaint、case-action:assign' },
            },
            required: ['caseId', 'username', 'roles', 'at', 'purpose'],
          },
        },
      },
      required: ['caseId', 'accesses'],
    }),
    problems: [400, 403, 404],
  },
  'POST /v1/cases/{id}/actions/{action}': {
    tags: ['cases'],
    description:
      '对督办事项执行一项流程操作；请求体的格式取决于 `action`。状态不符、版本过期或超出次数限制时答复 409。/ ' +
      'Performs a workflow action; the body depends on `action`. A wrong state, a stale `version` or a used-up limit ' +
      'is a 409; an unknown action a 404.',
    pathParameters: {
      id: caseIdParameter,
      action: {
        description: `流程操作 / the workflow action. ${actionNames.map(actionDescription).join(' ')}`,
        schema: { type: 'string', enum: [...actionNames] },
        example: 'accept',
      },
    },
    body: {
      description: '操作的参数，按 `action` 选用对应的 schema；可省略请求体的操作可不带请求体 / the action’s input',
      selector: 'action',
      componentPrefix: 'Action_',
      required: false,
      variants: Object.fromEntries(
        actionNames.map((name) => [name, { schema: actionInputSchemas[name], description: actionDescription(name) }]),
      ),
    },
    response: ok('操作后的督办事项 / the case after the action', schemaRef('Case')),
    problems: [400, 403, 404, 409, 415],
  },
  'GET /v1/admin/calendar/{year}': {
    tags: ['admin'],
    description:
      '某年的节假日与调休上班日及其来源；系统管理员和督办人员可查看。无数据的年份（`hasData: false`）中按工作日计算的时限会被标记，' +
      '须由管理员按国务院通知录入。/ The holidays and make-up working days of a year, and where they come from. A year ' +
      'without data flags working-day deadlines until an admin enters the notice.',
    pathParameters: { year: calendarYearParameter },
    response: ok('该年的工作日历 / the year', calendarYearView),
    problems: [400, 403],
  },
  'PUT /v1/admin/calendar/{year}': {
    tags: ['admin'],
    description:
      '系统管理员按国务院节假日安排通知录入某年全部节假日（含假期中的周末）和调休上班日，替换此前为该年录入的内容；与节假日库' +
      '同日的日期以录入为准。录入后该年即视为有数据。/ An admin enters every holiday and make-up working day of a year from ' +
      'the State Council notice, replacing what admins entered for it before; the year then has calendar data.',
    pathParameters: { year: calendarYearParameter },
    body: jsonRequest('该年的特殊日期 / the special days of the year', calendarYearBodySchema, 'CalendarYearInput'),
    response: ok('录入后的该年工作日历 / the year as stored', calendarYearView),
    problems: [400, 403, 415],
  },
};
