/**
 * Turns an HTTP request into the event API Gateway (HTTP API, payload format 2.0) gives a Lambda, and the Lambda's
 * result into the HTTP response API Gateway would send, so the handlers behind `shared/platform/http/routes.ts` run locally
 * unchanged. See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 *
 * The tests build their events here too (`apiGatewayEvent`), so a handler sees the same event under test as behind
 * the local server.
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { now as clockNow } from '#platform/clock.ts';
import type { AuthorizedEvent, JwtAuthorizerContext } from '#platform/http/auth.ts';
import { type HttpMethod, type RouteDefinition, routeKey } from '#platform/http/routes.ts';
import { localAccountId } from './aws-account.ts';

/** What the matcher needs of a route: its method and API Gateway path pattern. API and `/local/*` routes have both. */
export interface RoutePattern {
  readonly method: HttpMethod;
  /** API Gateway path pattern: `{name}` takes one segment, a final `{name+}` takes the rest. */
  readonly path: string;
}

export type RouteLookup<R extends RoutePattern = RouteDefinition> =
  | { readonly kind: 'found'; readonly route: R; readonly pathParameters: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: 'not-found' };

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** Matches one path against a pattern: `{name}` takes one segment, a final `{name+}` takes the rest. */
const matchPath = (pattern: string, rawPath: string): Record<string, string> | null => {
  const want = pattern.split('/');
  const have = rawPath.split('/');
  const parameters: Record<string, string> = {};
  for (let index = 0; index < want.length; index += 1) {
    const part = want[index] as string;
    const greedy = /^\{(.+)\+\}$/.exec(part);
    if (greedy && index === want.length - 1) {
      const rest = have.slice(index).join('/');
      if (!rest) return null;
      parameters[greedy[1] as string] = decode(rest);
      return parameters;
    }
    const value = have[index];
    if (value === undefined) return null;
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (name) {
      if (!value) return null;
      parameters[name] = decode(value);
    } else if (part !== value) return null;
  }
  return have.length === want.length ? parameters : null;
};

/**
 * Finds the route of a request as API Gateway does: an exact path beats one with parameters. Unlike API Gateway
 * (which answers 404 to both) a known path with another method is told apart, for a 405 with `Allow`.
 */
export const matchRoute = <R extends RoutePattern>(
  routes: readonly R[],
  method: string,
  rawPath: string,
): RouteLookup<R> => {
  const candidates = routes
    .map((route) => ({ route, pathParameters: matchPath(route.path, rawPath) }))
    .filter((candidate): candidate is { route: R; pathParameters: Record<string, string> } =>
      Boolean(candidate.pathParameters),
    )
    .sort((a, b) => Object.keys(a.pathParameters).length - Object.keys(b.pathParameters).length);
  if (candidates.length === 0) return { kind: 'not-found' };
  const found = candidates.find((candidate) => candidate.route.method === method.toUpperCase());
  if (found) return { kind: 'found', ...found };
  return { kind: 'method-not-allowed', allowed: [...new Set(candidates.map((candidate) => candidate.route.method))] };
};

export interface HttpRequest {
  readonly method: string;
  /** Path as sent, still percent-encoded, without the query string. */
  readonly rawPath: string;
  readonly rawQueryString: string;
  /** Node's `rawHeaders`: name, value, name, value… */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly httpVersion: string;
  /** Port the server listens on, for `x-forwarded-port`. */
  readonly port?: number;
}

/** Content types passed as text; other bodies arrive base64-encoded (a body without a type: if it is UTF-8). */
const isTextual = (contentType: string): boolean => {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    /^application\/(json|xml|javascript|x-www-form-urlencoded|graphql)$/.test(type) ||
    /\+(json|xml)$/.test(type)
  );
};

const isUtf8 = (body: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
};

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

/** `requestContext.time` as API Gateway writes it: `12/Mar/2020:19:03:58 +0000`. */
export const requestTime = (at: Date): string =>
  `${pad(at.getUTCDate())}/${months[at.getUTCMonth()]}/${at.getUTCFullYear()}:${pad(at.getUTCHours())}:` +
  `${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`;

/** A request id shaped like API Gateway's (`JKJaXmPLvHcESHA=`). */
export const newRequestId = (): string => randomBytes(11).toString('base64');

const traceId = (at: Date): string =>
  `Root=1-${Math.floor(at.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

/** What API Gateway knows of a request once it has matched the route and run the authorizer. */
export interface ApiGatewayRequest {
  readonly method: string;
  /** Path as sent, still percent-encoded, without the query string. */
  readonly rawPath: string;
  readonly rawQueryString?: string;
  /** The matched route's key (`GET /v1/cases/{id}`, see `routeKey` of `shared/platform/http/routes.ts`). */
  readonly routeKey: string;
  readonly pathParameters?: Readonly<Record<string, string>>;
  /** Lower-case names, a repeated header joined with commas; cookies go in `cookies`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cookies?: readonly string[];
  /** As the function gets it: text, or base64 with `isBase64Encoded`. */
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
  /** 127.0.0.1 unless given. */
  readonly sourceIp?: string;
  /** 1.1 unless given. */
  readonly httpVersion?: string;
  /** Port the server listens on, for `x-forwarded-port`. */
  readonly port?: number;
  /** A fresh API Gateway-shaped id unless given. */
  readonly requestId?: string;
  /** The instant the request arrived, as the handlers' clock reads it; the settable clock's now unless given. */
  readonly receivedAt?: Date;
  /** Present on official routes: the verified token's claims (`authorizerContext` of `local/authorizer.ts`). */
  readonly authorizer?: JwtAuthorizerContext;
}

/**
 * The payload format 2.0 event API Gateway passes to the function of a route: the query string parsed, the
 * `x-forwarded-*` and trace headers added, the request context filled in.
 *
 * @example
 * ```ts
 * apiGatewayEvent({
 *   method: 'GET',
 *   rawPath: '/v1/cases/C1',
 *   routeKey: 'GET /v1/cases/{id}',
 *   pathParameters: { id: 'C1' },
 *   authorizer: authorizerContext(tokenClaims(user)),
 * });
 * ```
 */
export const apiGatewayEvent = (request: ApiGatewayRequest): AuthorizedEvent => {
  const receivedAt = request.receivedAt ?? clockNow();
  const sourceIp = request.sourceIp ?? '127.0.0.1';
  const rawQueryString = request.rawQueryString ?? '';
  const headers: Record<string, string> = { ...request.headers };
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-proto'] = 'http';
  if (request.port) headers['x-forwarded-port'] = String(request.port);
  headers['x-amzn-trace-id'] = traceId(receivedAt);

  // A repeated parameter is joined with commas, as API Gateway does.
  const queryStringParameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    queryStringParameters[name] =
      queryStringParameters[name] === undefined ? value : `${queryStringParameters[name]},${value}`;
  }
  const pathParameters = { ...request.pathParameters };
  const host = (headers.host ?? 'localhost').replace(/:\d+$/, '');

  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: request.rawPath,
    rawQueryString,
    ...(request.cookies && request.cookies.length > 0 ? { cookies: [...request.cookies] } : {}),
    headers,
    ...(Object.keys(queryStringParameters).length > 0 ? { queryStringParameters } : {}),
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: localAccountId,
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: request.method.toUpperCase(),
        path: request.rawPath,
        protocol: `HTTP/${request.httpVersion ?? '1.1'}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId ?? newRequestId(),
      routeKey: request.routeKey,
      stage: '$default',
      time: requestTime(receivedAt),
      timeEpoch: receivedAt.getTime(),
      ...(request.authorizer ? { authorizer: request.authorizer } : {}),
    },
    ...(request.body === undefined ? {} : { body: request.body }),
    isBase64Encoded: request.body !== undefined && request.isBase64Encoded === true,
  };
};

export interface EventOptions {
  readonly requestId: string;
  /** The instant the request arrived, as the handlers' clock reads it. */
  readonly receivedAt: Date;
  /** Present on official routes: the verified token's claims. */
  readonly authorizer?: JwtAuthorizerContext;
}

/** The payload format 2.0 event for the HTTP request `request` on the route it matched. */
export const toApiGatewayEvent = (
  request: HttpRequest,
  match: { readonly route: RouteDefinition; readonly pathParameters: Record<string, string> },
  options: EventOptions,
): AuthorizedEvent => {
  // Repeated headers are joined with commas; cookies move to `cookies`, as API Gateway does.
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const name = (request.rawHeaders[index] as string).toLowerCase();
    const value = request.rawHeaders[index + 1] as string;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter(Boolean),
      );
      continue;
    }
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  const hasBody = request.body.length > 0;
  const contentType = headers['content-type'];
  const asText =
    hasBody && !headers['content-encoding'] && (contentType ? isTextual(contentType) : isUtf8(request.body));
  return apiGatewayEvent({
    method: request.method,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    routeKey: routeKey(match.route),
    pathParameters: match.pathParameters,
    headers,
    cookies,
    ...(hasBody ? { body: asText ? request.body.toString('utf8') : request.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !asText,
    sourceIp: request.sourceIp,
    httpVersion: request.httpVersion,
    port: request.port,
    ...options,
  });
};

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

/** The handler returned something API Gateway cannot turn into a response (it answers 500). */
export class MalformedLambdaResultError extends Error {
  override name = 'MalformedLambdaResultError';
}

/**
 * The response API Gateway makes of a handler's result: a structured result (it has `statusCode`) as given; anything
 * else as a 200 with the result as JSON.
 */
export const fromApiGatewayResult = (result: unknown): HttpResponse => {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(JSON.stringify(result ?? null)),
    };
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const { statusCode } = structured;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new MalformedLambdaResultError(`statusCode must be an HTTP status, got ${JSON.stringify(statusCode)}`);
  }
  if (structured.body !== undefined && structured.body !== null && typeof structured.body !== 'string') {
    throw new MalformedLambdaResultError(`body must be a string, got ${typeof structured.body}`);
  }
  if (structured.cookies !== undefined && !Array.isArray(structured.cookies)) {
    throw new MalformedLambdaResultError('cookies must be an array of strings');
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
  const body = structured.body ?? '';
  return {
    statusCode,
    headers,
    cookies: structured.cookies ?? [],
    body: structured.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
  };
};
