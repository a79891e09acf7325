import type { FunctionName } from '#platform/catalog/catalog.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * `public` routes need no token; `official` routes need a signed token (the Cognito JWT authorizer in AWS, the
 * local issuer on one machine). Roles and org-unit scope are checked again inside each function.
 */
export type RouteAuth = 'public' | 'official';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway path pattern, with `{name}` for a path parameter. */
  readonly path: string;
  readonly function: FunctionName;
  readonly auth: RouteAuth;
  readonly summary: string;
}

/** The route table shared by API Gateway (infra/) and the local server (local/). */
export const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/v1/health', function: 'health', auth: 'public', summary: '健康检查' },
  { method: 'GET', path: '/v1/openapi.json', function: 'get-openapi', auth: 'public', summary: 'OpenAPI 文档' },
  { method: 'POST', path: '/v1/complaints', function: 'submit-complaint', auth: 'official', summary: '登记信访件' },
  {
    method: 'POST',
    path: '/v1/public/complaints',
    function: 'submit-public-complaint',
    auth: 'public',
    summary: '网上投诉（无需登录，返回查询码和查询密码）',
  },
  {
    method: 'GET',
    path: '/v1/public/complaints/{trackingCode}',
    function: 'track-complaint',
    auth: 'public',
    summary: '凭查询码和查询密码（X-Tracking-Secret 请求头）查询办理进度',
  },
  {
    method: 'POST',
    path: '/v1/attachments',
    function: 'create-upload',
    auth: 'official',
    summary: '申请附件上传地址（照片、录音、视频、PDF）',
  },
  {
    method: 'POST',
    path: '/v1/public/attachments',
    function: 'create-upload',
    auth: 'public',
    summary: '公众申请附件上传地址',
  },
  {
    method: 'GET',
    path: '/v1/cases',
    function: 'list-cases',
    auth: 'official',
    summary: '督办事项列表（按单位、状态等筛选）',
  },
  { method: 'GET', path: '/v1/my-work', function: 'get-my-work', auth: 'official', summary: '我的待办' },
  {
    method: 'GET',
    path: '/v1/ledger',
    function: 'get-ledger',
    auth: 'official',
    summary: '四色管理台账：本单位及下级单位按色标计数，以及各色标下的事项',
  },
  {
    method: 'GET',
    path: '/v1/admin/time-limit-policies',
    function: 'get-time-limit-policies',
    auth: 'official',
    summary: '办理时限规则（现行版本及历史版本）',
  },
  {
    method: 'PUT',
    path: '/v1/admin/time-limit-policies',
    function: 'put-time-limit-policies',
    auth: 'official',
    summary: '保存新版本的办理时限规则（已有事项的期限不变）',
  },
  { method: 'GET', path: '/v1/cases/{id}', function: 'get-case', auth: 'official', summary: '查看督办事项' },
  {
    method: 'GET',
    path: '/v1/cases/{id}/access-log',
    function: 'get-access-log',
    auth: 'official',
    summary: '投诉人个人信息的访问记录（督办人员、系统管理员）',
  },
  {
    method: 'POST',
    path: '/v1/cases/{id}/actions/{action}',
    function: 'act-on-case',
    auth: 'official',
    summary: '办理流程操作（受理、派单、签收、退单、办结等）',
  },
  {
    method: 'GET',
    path: '/v1/admin/calendar/{year}',
    function: 'get-calendar-year',
    auth: 'official',
    summary: '查看某年工作日历（节假日、调休上班日及数据来源）',
  },
  {
    method: 'PUT',
    path: '/v1/admin/calendar/{year}',
    function: 'put-calendar-year',
    auth: 'official',
    summary: '录入或更正某年工作日历（系统管理员）',
  },
];

/** The route key API Gateway puts into `event.routeKey`, e.g. `GET /v1/cases/{id}`. */
export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/**
 * CORS for browser pages, applied by API Gateway (infra/constructs/api.ts) and by the local server alike: preflight
 * requests are answered before any route or authorizer; tokens, not cookies, authorise, so any origin may call.
 */
export const corsPolicy = {
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-tracking-secret'],
  exposeHeaders: ['location', 'retry-after'],
  allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
  maxAgeSeconds: 3600,
} as const;
