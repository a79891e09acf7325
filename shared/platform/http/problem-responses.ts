/**
 * How the API's errors are documented: the RFC 9457 problem schema, API Gateway's own error body, and one response per
 * problem status, its example made by `problemFromError` so that type and title are those the functions answer with.
 */
import {
  ConflictError,
  type FieldProblem,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '#platform/domain/errors.ts';
import { z } from '#platform/domain/zod.ts';
import { type ApiResponse, type ProblemStatus, schemaFor } from './api-registry.ts';
import { TooManyRequestsError, UnauthenticatedError, UnsupportedMediaTypeError } from './errors.ts';
import { type Problem, problemFromError } from './problem.ts';

export const fieldProblemSchema = schemaFor<FieldProblem>()(
  z
    .object({
      path: z
        .string()
        .describe(
          '出错字段的点分路径，整个请求体为空串 / dotted path of the field (`place.address`), empty for the whole body',
        ),
      message: z.string().describe('错误说明（中文）/ what is wrong, in Chinese'),
    })
    .meta({ id: 'FieldProblem', description: '一处字段错误 / one bad field' }),
);

export const problemSchema = schemaFor<Problem>()(
  z
    .object({
      type: z.url().meta({
        description: '问题类型 URI / problem type URI',
        examples: ['https://greenline.example.cn/problems/validation'],
      }),
      title: z.string().describe('问题类型的简短说明 / short summary of the problem type'),
      status: z.int().min(400).max(599).describe('HTTP 状态码 / HTTP status code'),
      detail: z.string().optional().describe('本次错误的说明 / explanation of this occurrence'),
      errors: z.array(fieldProblemSchema).optional().describe('400 时逐项列出字段错误 / for 400: every bad field'),
      correlationId: z
        .string()
        .optional()
        .describe('关联编号（请求 ID），报告问题时提供 / correlation id (the request id), to quote when reporting'),
    })
    .meta({
      id: 'Problem',
      description:
        'RFC 9457 问题详情：API 的每个错误都以 `application/problem+json` 答复 / RFC 9457 problem details, as every error is answered',
    }),
);

export const gatewayErrorSchema = z
  .object({ message: z.string().meta({ examples: ['Unauthorized', 'Internal Server Error'] }) })
  .meta({
    id: 'GatewayError',
    description:
      'API Gateway 自身的答复（如 JWT 授权失败、函数超时），不是 problem+json / API Gateway’s own answer (JWT authorizer refusal, function timeout)',
  });

const exampleCorrelationId = '3f1c2b9e-8a4d-4e7f-9c61-0d2a5b7e4c10';

export interface ProblemResponseDefinition {
  readonly component: string;
  readonly description: string;
  readonly example: Problem;
  /** API Gateway answers this status itself too, with `{ "message": … }` as `application/json`. */
  readonly gatewayMessage?: string;
  readonly headers?: ApiResponse['headers'];
}

/** An error of a library, which `problemFromError` knows by name. */
const libraryError = (name: string): Error => Object.assign(new Error(name), { name });

/** Examples come from `problemFromError`, so type and title are those the functions answer with. */
export const problemResponses: Readonly<Record<ProblemStatus, ProblemResponseDefinition>> = {
  400: {
    component: 'BadRequest',
    description: '请求内容有误，`errors` 逐项列出 / the request is invalid; `errors` names every bad field',
    example: problemFromError(
      new ValidationError([{ path: 'place.address', message: '地址至少 2 个字符' }]),
      exampleCorrelationId,
    ),
  },
  401: {
    component: 'Unauthenticated',
    description:
      '缺少或无效的令牌。API Gateway 的 JWT 授权器以 `{"message":"Unauthorized"}` 答复；令牌有效但缺少用户或单位声明时由函数以 ' +
      'problem+json 答复（本地运行时均为 problem+json）。/ Missing or invalid token: API Gateway’s JWT authorizer answers ' +
      '`{"message":"Unauthorized"}`; a token without user or unit claims gets problem+json (as every 401 does locally).',
    example: problemFromError(new UnauthenticatedError('令牌缺少用户或单位信息'), exampleCorrelationId),
    gatewayMessage: 'Unauthorized',
    headers: {
      'www-authenticate': {
        description: '如 `Bearer error="invalid_token"` / e.g. `Bearer error="invalid_token"`',
        schema: z.string(),
      },
    },
  },
  403: {
    component: 'Forbidden',
    description: '角色或单位范围不允许此操作 / the caller’s role or unit scope does not allow it',
    example: problemFromError(new ForbiddenError('该事项不在您的职责范围内'), exampleCorrelationId),
  },
  404: {
    component: 'NotFound',
    description: '未找到 / not found',
    example: problemFromError(new NotFoundError('督办事项不存在'), exampleCorrelationId),
  },
  409: {
    component: 'Conflict',
    description:
      '与当前状态冲突：状态不符、版本过期或超出次数限制 / conflicts with the current state: wrong state, stale version or a limit reached',
    example: problemFromError(new ConflictError('当前状态为“已登记”，不能派单'), exampleCorrelationId),
  },
  415: {
    component: 'UnsupportedMediaType',
    description: '请求体须为 JSON / the body must be JSON',
    example: problemFromError(new UnsupportedMediaTypeError('不支持的内容类型：text/plain'), exampleCorrelationId),
  },
  422: {
    component: 'IdempotencyKeyReused',
    description: '幂等键已用于内容不同的请求 / the Idempotency-Key was used for a different request',
    example: problemFromError(libraryError('IdempotencyValidationError'), exampleCorrelationId),
  },
  429: {
    component: 'TooManyRequests',
    description: '请求过于频繁，请按 `Retry-After` 稍后重试 / too many requests; retry after `Retry-After` seconds',
    example: problemFromError(new TooManyRequestsError('请求过于频繁，请稍后再试', 60), exampleCorrelationId),
    headers: {
      'retry-after': { description: '多少秒后可重试 / seconds to wait', schema: z.int().min(0) },
    },
  },
  500: {
    component: 'InternalServerError',
    description:
      '服务器内部错误，请提供关联编号；函数超时或崩溃时 API Gateway 以 `{"message":"Internal Server Error"}` 答复 / ' +
      'internal error, quote the correlation id; a timed-out or crashed function gets API Gateway’s own answer',
    example: problemFromError(new Error('example'), exampleCorrelationId),
    gatewayMessage: 'Internal Server Error',
  },
};

/** `components.responses` entry of a problem status. */
export const problemResponseRef = (status: ProblemStatus): { readonly $ref: string } => ({
  $ref: `#/components/responses/${problemResponses[status].component}`,
});
