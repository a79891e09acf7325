import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { problemFromError, problemResponse } from '#platform/http/problem.ts';

/** The problem types the API uses (`shared/platform/http/problem.ts`), for the few answers only the local server gives. */
const problemTypeBase = 'https://greenline.example.cn/problems/';

type Result = APIGatewayProxyStructuredResultV2;

/** A problem+json answer for an error, as the functions' error middleware makes it (unknown errors: a generic 500). */
export const problemOf = (error: unknown, headers: Record<string, string> = {}, correlationId?: string): Result =>
  problemResponse(problemFromError(error, correlationId), headers) as Result;

/**
 * The answer to a function that threw or returned something unusable. API Gateway answers any Lambda error with a 500
 * ("Internal Server Error"), whatever the error: a generic problem with the request id, never the error itself.
 */
export const internalServerError = (correlationId: string): Result =>
  problemResponse(problemFromError(null, correlationId)) as Result;

/** A problem+json answer of a type the functions never give (405, 413, 502). */
export const problemWith = (
  problem: { status: number; slug: string; title: string; detail?: string; correlationId?: string },
  headers: Record<string, string> = {},
): Result =>
  problemResponse(
    {
      type: problemTypeBase + problem.slug,
      title: problem.title,
      status: problem.status,
      ...(problem.detail ? { detail: problem.detail } : {}),
      ...(problem.correlationId ? { correlationId: problem.correlationId } : {}),
    },
    headers,
  ) as Result;

export const json = (statusCode: number, body: unknown): Result => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});
