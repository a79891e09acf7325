import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import {
  ConflictError,
  type FieldProblem,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '#platform/domain/errors.ts';
import { TooManyRequestsError, UnauthenticatedError, UnsupportedMediaTypeError } from './errors.ts';

/** RFC 9457 problem details, as every error of the API is answered. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldProblem[];
  readonly correlationId?: string;
}

const problemTypeBase = 'https://greenline.example.cn/problems/';

const known: ReadonlyArray<readonly [new (...args: never[]) => Error, number, string, string]> = [
  [ValidationError, 400, 'validation', '请求内容有误'],
  [UnauthenticatedError, 401, 'unauthenticated', '需要有效的登录令牌'],
  [ForbiddenError, 403, 'forbidden', '无权执行此操作'],
  [NotFoundError, 404, 'not-found', '未找到'],
  [ConflictError, 409, 'conflict', '与当前状态冲突'],
  [UnsupportedMediaTypeError, 415, 'unsupported-media-type', '请求体须为 JSON'],
  [TooManyRequestsError, 429, 'too-many-requests', '请求过于频繁'],
];

/** Errors of libraries, known by name so that every function need not bundle the library to map them. */
const knownByName: Readonly<Record<string, readonly [number, string, string, string]>> = {
  IdempotencyValidationError: [
    422,
    'idempotency-key-reused',
    '幂等键已用于内容不同的请求',
    '同一 Idempotency-Key 只能用于同一请求内容',
  ],
  IdempotencyAlreadyInProgressError: [
    409,
    'in-progress',
    '相同请求正在处理中',
    '相同 Idempotency-Key 的请求正在处理，请稍后重试',
  ],
};

export const problemResponse = (problem: Problem, headers: Record<string, string> = {}): APIGatewayProxyResultV2 => ({
  statusCode: problem.status,
  headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  body: JSON.stringify(problem),
});

/**
 * Turns any error into a problem. Known errors keep their message (it is written for the caller); anything else is a
 * 500 with a generic text and the correlation id, never the raw error.
 */
export const problemFromError = (error: unknown, correlationId?: string): Problem => {
  for (const [type, status, slug, title] of known) {
    if (error instanceof type) {
      return {
        type: problemTypeBase + slug,
        title,
        status,
        detail: error.message,
        ...(error instanceof ValidationError ? { errors: error.errors } : {}),
        ...(correlationId ? { correlationId } : {}),
      };
    }
  }
  const byName = error instanceof Error ? knownByName[error.name] : undefined;
  if (byName) {
    const [status, slug, title, detail] = byName;
    return { type: problemTypeBase + slug, title, status, detail, ...(correlationId ? { correlationId } : {}) };
  }
  return {
    type: `${problemTypeBase}internal`,
    title: '服务器内部错误',
    status: 500,
    detail: '请求未能完成，请稍后重试；如需报告问题，请提供关联编号。',
    ...(correlationId ? { correlationId } : {}),
  };
};
