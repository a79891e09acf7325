import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { ValidationError } from '#platform/domain/errors.ts';
import { logger } from '#platform/logger.ts';
import type { AuthorizedEvent } from './auth.ts';
import { TooManyRequestsError, UnsupportedMediaTypeError } from './errors.ts';
import { problemFromError, problemResponse } from './problem.ts';

type HttpResult = Exclude<APIGatewayProxyResultV2, string>;

/** The one place where errors become HTTP responses. */
const problemJson = (): MiddlewareObj<AuthorizedEvent, APIGatewayProxyResultV2> => ({
  onError: async (request) => {
    const correlationId = request.event.requestContext?.requestId;
    const problem = problemFromError(request.error, correlationId);
    if (problem.status >= 500) logger.error('request failed', { error: request.error });
    else logger.info('request refused', { status: problem.status, detail: problem.detail });
    const headers: Record<string, string> =
      request.error instanceof TooManyRequestsError ? { 'retry-after': String(request.error.retryAfterSeconds) } : {};
    request.response = problemResponse(problem, headers);
  },
});

/**
 * Wraps an API handler with the house middleware: structured logs with the request id as correlation id, and
 * problem+json for every error.
 */
export const httpHandler = (handler: (event: AuthorizedEvent, context: Context) => Promise<HttpResult>) =>
  middy<AuthorizedEvent, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }))
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
