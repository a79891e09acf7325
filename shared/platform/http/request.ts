/**
 * Parsing a request with the schemas its route declares (`api.ts`), so that a function validates with exactly what the
 * OpenAPI document says. Each throws a `ValidationError` (400, naming every bad field) for a bad value.
 *
 * @example
 * ```ts
 * const route = casesApi.getCase;
 * export const handler = httpHandler(async (event) => {
 *   const id = parsePathParameter(route, 'id', event);
 *   …
 * });
 * ```
 */
import type { z } from 'zod';
import { parseWith } from '#platform/domain/validation.ts';
import type { ApiBody, ApiParameter } from './api-registry.ts';
import type { AuthorizedEvent } from './auth.ts';
import { jsonBody } from './handler.ts';

/**
 * Path parameter `name`, parsed with the schema the route declares for it. The parameter is the whole input, so a bad
 * value is a 400 whose field path is empty.
 */
export const parsePathParameter = <P extends Readonly<Record<string, ApiParameter>>, N extends keyof P & string>(
  route: { readonly pathParameters: P },
  name: N,
  event: AuthorizedEvent,
): z.output<P[N]['schema']> => {
  const parameter: ApiParameter = route.pathParameters[name] as P[N];
  return parseWith(parameter.schema, event.pathParameters?.[name]) as z.output<P[N]['schema']>;
};

/** The query string, parsed with the route's query schema (an absent query string is an empty one). */
export const parseQuery = <S extends z.ZodObject>(route: { readonly query: S }, event: AuthorizedEvent): z.output<S> =>
  parseWith(route.query, event.queryStringParameters ?? {});

/**
 * Parts of a request parsed together with one schema of the route's `api.ts` (a path parameter and a header, say), so
 * that one answer names every bad part.
 */
export const parseRequest = <S extends z.ZodType>(schema: S, parts: Readonly<Record<string, unknown>>): z.output<S> =>
  parseWith(schema, parts);

/** The JSON body, parsed with the route's body schema: not JSON is a 415 or a 400, an invalid body a 400. */
export const parseBody = <S extends z.ZodType>(
  route: { readonly body: ApiBody<S> },
  event: AuthorizedEvent,
): z.output<S> => parseWith(route.body.schema, jsonBody(event));
