/**
 * The local HTTP API: one Node HTTP server that plays API Gateway for the route table of `shared/platform/http/routes.ts`
 * (match, JWT authorizer on official routes, payload 2.0 event, result mapping) and serves the runtime's own
 * `/local/*` routes (`local/local-routes.ts`). One matcher serves both tables: the same 404 for an unknown path and
 * 405 with `Allow` for a known path with another method.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { now as clockNow } from '#platform/clock.ts';
import { NotFoundError, ValidationError } from '#platform/domain/errors.ts';
import { UnauthenticatedError } from '#platform/http/errors.ts';
import { routes as apiRoutes, corsPolicy, type RouteDefinition } from '#platform/http/routes.ts';
import {
  fromApiGatewayResult,
  type HttpRequest,
  type HttpResponse,
  MalformedLambdaResultError,
  matchRoute,
  newRequestId,
  toApiGatewayEvent,
} from './api-gateway-event.ts';
import type { JwtAuthorizer } from './authorizer.ts';
import { type HandlerLoader, invokeFunction } from './functions.ts';
import { internalServerError, problemOf, problemWith } from './http-problems.ts';
import type { LocalRoute } from './local-routes.ts';
import { localLog } from './log.ts';
import type { ObjectStoreProxy } from './object-store-proxy.ts';
import type { StaticSite } from './web-console.ts';

/** API Gateway's payload limit for HTTP APIs. */
const maxBodyBytes = 10 * 1024 * 1024;

export interface LocalServerOptions {
  /** Finds a function's handler: `functions/<name>.ts` in the runtime, fakes in tests. */
  readonly loadHandler: HandlerLoader;
  readonly authorizer: JwtAuthorizer;
  /** The API's routes: `shared/platform/http/routes.ts` unless given. */
  readonly routes?: readonly RouteDefinition[];
  /** The runtime's own routes (`createLocalRoutes`); none unless given. */
  readonly localRoutes?: readonly LocalRoute[];
  /** The handlers' clock, for `requestContext.time`. */
  readonly now?: () => Date;
  /** The web console's pages, for GET and HEAD of any path outside `/v1/` and `/local`. */
  readonly site?: StaticSite;
  /** The attachments bucket, served on this origin (`local/object-store-proxy.ts`). */
  readonly objectStore?: ObjectStoreProxy;
}

export interface LocalServer {
  /** Listens on 127.0.0.1 (only: DynamoDB Local already listens on every interface); resolves to the port. */
  listen(port: number): Promise<number>;
  /** Stops taking requests, lets those in flight finish (up to `graceMs`), then closes every connection. */
  close(graceMs?: number): Promise<void>;
}

class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new PayloadTooLargeError('request body over 10 MB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const headerOf = (request: Pick<HttpRequest, 'rawHeaders'>, name: string): string | undefined =>
  request.rawHeaders.find((_, index, all) => index % 2 === 1 && all[index - 1]?.toLowerCase() === name);

const send = (response: ServerResponse, result: HttpResponse, requestId: string) => {
  response.statusCode = result.statusCode;
  for (const [name, value] of Object.entries(result.headers)) response.setHeader(name, value);
  if (result.cookies.length > 0) response.setHeader('set-cookie', [...result.cookies]);
  response.setHeader('apigw-requestid', requestId);
  response.setHeader('content-length', result.body.length);
  response.end(result.body);
};

const isLocalRoute = (route: RouteDefinition | LocalRoute): route is LocalRoute => 'handle' in route;

export const createLocalServer = (options: LocalServerOptions): LocalServer => {
  const table: readonly (RouteDefinition | LocalRoute)[] = [
    ...(options.routes ?? apiRoutes),
    ...(options.localRoutes ?? []),
  ];
  const now = options.now ?? clockNow;
  const inFlight = new Set<Promise<void>>();
  let port = 0;

  /** A route of the runtime's own answers in process; what it throws becomes problem+json, as in the functions. */
  const answerLocal = async (
    route: LocalRoute,
    pathParameters: Record<string, string>,
    request: HttpRequest,
  ): Promise<HttpResponse> => {
    try {
      return fromApiGatewayResult(
        await route.handle({
          method: request.method.toUpperCase(),
          path: request.rawPath,
          pathParameters,
          query: new URLSearchParams(request.rawQueryString),
          body: request.body,
        }),
      );
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof NotFoundError)) {
        localLog.error('local route failed', { path: request.rawPath, error });
      }
      return fromApiGatewayResult(problemOf(error));
    }
  };

  /** An API route: the JWT authorizer on official routes, then the route's function with a payload 2.0 event. */
  const answerApi = async (
    route: RouteDefinition,
    pathParameters: Record<string, string>,
    request: HttpRequest,
    requestId: string,
  ): Promise<HttpResponse> => {
    let authorizer: Parameters<typeof toApiGatewayEvent>[2]['authorizer'];
    if (route.auth === 'official') {
      const verdict = await options.authorizer.authorize(headerOf(request, 'authorization'));
      if (!verdict.authorized) {
        return fromApiGatewayResult(
          problemOf(new UnauthenticatedError(verdict.detail), {
            'www-authenticate': `Bearer error="invalid_token" error_description="${verdict.reason}"`,
          }),
        );
      }
      authorizer = verdict.context;
    }

    const event = toApiGatewayEvent(request, { route, pathParameters }, { requestId, receivedAt: now(), authorizer });
    try {
      return fromApiGatewayResult(await invokeFunction(options.loadHandler, route.function, event));
    } catch (error) {
      const message =
        error instanceof MalformedLambdaResultError ? 'function returned a malformed result' : 'function failed';
      localLog.error(message, { function: route.function, routeKey: event.routeKey, requestId, error });
      return fromApiGatewayResult(internalServerError(requestId));
    }
  };

  const answer = async (request: HttpRequest, requestId: string): Promise<HttpResponse> => {
    const { method, rawPath } = request;
    if (method.toUpperCase() === 'OPTIONS' && headerOf(request, 'access-control-request-method')) {
      // A CORS preflight is answered before any route or authorizer, as API Gateway does.
      return {
        statusCode: 204,
        headers: {
          'access-control-allow-methods': corsPolicy.allowMethods.join(','),
          'access-control-allow-headers': corsPolicy.allowHeaders.join(','),
          'access-control-max-age': String(corsPolicy.maxAgeSeconds),
        },
        cookies: [],
        body: Buffer.alloc(0),
      };
    }

    if (options.objectStore?.handles(rawPath)) return options.objectStore.forward(request);
    const isPage = !rawPath.startsWith('/v1/') && rawPath !== '/v1' && !/^\/local(\/|$)/.test(rawPath);
    if (options.site && isPage && ['GET', 'HEAD'].includes(method.toUpperCase())) {
      const page = await options.site.serve(rawPath);
      if (page) return method.toUpperCase() === 'HEAD' ? { ...page, body: Buffer.alloc(0) } : page;
      return fromApiGatewayResult(problemOf(new NotFoundError(`没有这个文件：${rawPath}`)));
    }

    const lookup = matchRoute(table, method, rawPath);
    if (lookup.kind === 'not-found') {
      return fromApiGatewayResult(problemOf(new NotFoundError(`没有这个接口：${method} ${rawPath}`)));
    }
    if (lookup.kind === 'method-not-allowed') {
      return fromApiGatewayResult(
        problemWith(
          {
            status: 405,
            slug: 'method-not-allowed',
            title: '不支持该请求方法',
            detail: `${rawPath} 只接受 ${lookup.allowed.join('、')}`,
          },
          { allow: lookup.allowed.join(', ') },
        ),
      );
    }
    return isLocalRoute(lookup.route)
      ? answerLocal(lookup.route, lookup.pathParameters, request)
      : answerApi(lookup.route, lookup.pathParameters, request, requestId);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const requestId = newRequestId();
    let result: HttpResponse;
    try {
      const url = request.url ?? '/';
      const queryAt = url.indexOf('?');
      const body = await readBody(request);
      const httpRequest: HttpRequest = {
        method: request.method ?? 'GET',
        rawPath: queryAt === -1 ? url : url.slice(0, queryAt),
        rawQueryString: queryAt === -1 ? '' : url.slice(queryAt + 1),
        rawHeaders: request.rawHeaders,
        body,
        sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        httpVersion: request.httpVersion,
        port,
      };
      result = await answer(httpRequest, requestId);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeError)) localLog.error('request failed', { requestId, error });
      result = fromApiGatewayResult(
        error instanceof PayloadTooLargeError
          ? problemWith({ status: 413, slug: 'payload-too-large', title: '请求体过大', detail: '请求体不能超过 10 MB' })
          : internalServerError(requestId),
      );
    }
    if (headerOf({ rawHeaders: request.rawHeaders }, 'origin')) {
      response.setHeader('access-control-allow-origin', '*');
      response.setHeader('access-control-expose-headers', corsPolicy.exposeHeaders.join(','));
    }
    if (!response.destroyed) send(response, result, requestId);
  };

  const server = createServer((request, response) => {
    const done = handle(request, response).finally(() => inFlight.delete(done));
    inFlight.add(done);
  });

  return {
    listen: (wanted) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(wanted, '127.0.0.1', () => {
          server.off('error', reject);
          port = (server.address() as AddressInfo).port;
          resolve(port);
        });
      }),
    close: async (graceMs = 10_000) => {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          grace = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(grace);
      server.closeAllConnections();
      await closed;
    },
  };
};
