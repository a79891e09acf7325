import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { ValidationError } from '#platform/domain/errors.ts';
import { logger } from '#platform/logger.ts';
import type { AuthorizedEvent } from './auth.ts';
import { UnsupportedMediaTypeError } from './errors.ts';
import { problemFromError, problemResponse } from './problem.ts';

type HttpResult = Exclude<APIGatewayProxyResultV2, string>;

/**
 * Seconds after which a retry may succeed, for the errors that know it: a rate limit (429), or a request with the same
 * Idempotency-Key still being stored (409).
 */
const retryAfterOf = (error: unknown): number | undefined => {
  const seconds = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
};

/** The one place where errors become HTTP responses. */
const problemJson = (): MiddlewareObj<AuthorizedEvent, APIGatewayProxyResultV2> => ({
  onError: async (request) => {
    const correlationId = request.event.requestContext?.requestId;
    const problem = problemFromError(request.error, correlationId);
    if (problem.status >= 500) logger.error('request failed', { error: request.error });
    else logger.info('request refused', { status: problem.status, detail: problem.detail });
    const retryAfter = retryAfterOf(request.error);
    request.response = problemResponse(problem, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });
  },
});

/** The request id as the correlation id of every log line of the request (`injectLambdaContext` resets it after). */
const correlationId = (): MiddlewareObj<AuthorizedEvent, APIGatewayProxyResultV2> => ({
  before: (request) => {
    const requestId = request.event.requestContext?.requestId;
    if (requestId) logger.setCorrelationId(requestId);
  },
});

/**
 * Security headers on every response, problems included (middy's defaults, after helmet): HSTS, `nosniff`,
 * `X-Frame-Options: DENY` and a CSP with `frame-ancestors 'none'`, `Referrer-Policy: no-referrer`, the cross-origin
 * policies. CORS stays API Gateway's (`corsPolicy` in routes.ts): these set no `Access-Control-*` header, and
 * `Cross-Origin-Resource-Policy` does not apply to CORS requests. Without `Permissions-Policy`: it governs what a
 * document may use, and a JSON response is no document (it would add some 800 bytes to each response for nothing).
 */
const securityHeaders = () => httpSecurityHeaders({ permissionsPolicy: false });

/**
 * Wraps an API handler with the house middleware: structured logs with the request id as correlation id, security
 * headers on every response, and problem+json for every error. Security headers come before problem+json so that
 * their `onError`, which runs after problem+json's (middy runs `onError` in reverse), sees the problem response.
 */
export const httpHandler = (handler: (event: AuthorizedEvent, context: Context) => Promise<HttpResult>) =>
  middy<AuthorizedEvent, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlationId())
    .use(securityHeaders())
    .use(problemJson())
    .handler(handler);

/** The request body as parsed JSON. A body that is not JSON is a 400 naming the body, not a 500. */
export const jsonBody = (event: AuthorizedEvent): unknown => {
  const contentType = event.headers?.['content-type'] ?? '';
  if (contentType && !/^application\/(.+\+)?json/i.test(contentType)) {
    throw new UnsupportedMediaTypeError(`不支持的内容类型：${contentType}`);
  }
  if (!event.body) throw new ValidationError([{ path: '', message: '请求体不能为空' }]);
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ValidationError([{ path: '', message: '请求体不是合法的 JSON' }], { cause });
  }
};
