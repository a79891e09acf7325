import { afterEach, describe, expect, it, vi } from 'vitest';
import { setNow } from '#platform/clock.ts';
import type { RouteDefinition } from '#platform/http/routes.ts';
import { routes } from '#platform/http/routes.ts';
import {
  apiGatewayEvent,
  fromApiGatewayResult,
  type HttpRequest,
  MalformedLambdaResultError,
  matchRoute,
  type RouteLookup,
  requestTime,
  toApiGatewayEvent,
} from '../../local/api-gateway-event.ts';

const aRequest = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  rawPath: '/v1/health',
  rawQueryString: '',
  rawHeaders: ['Host', '127.0.0.1:3000', 'User-Agent', 'vitest'],
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
  httpVersion: '1.1',
  port: 3000,
  ...overrides,
});

const found = (lookup: RouteLookup) => {
  if (lookup.kind !== 'found') throw new Error(`expected a route, got ${lookup.kind}`);
  return lookup;
};

describe('matchRoute', () => {
  it('finds the route of the shared table with its path parameters, decoded', () => {
    // Act
    const lookup = found(matchRoute(routes, 'GET', '/v1/cases/01ABC%20X'));

    // Assess
    expect(lookup.route.function).toBe('get-case');
    expect(lookup.pathParameters).toEqual({ id: '01ABC X' });
  });

  it('tells an unknown path (404) from a known path with another method (405)', () => {
    // Prepare: a table of our own, as the shared one grows.
    const table: RouteDefinition[] = [
      { method: 'GET', path: '/v1/health', function: 'health', auth: 'public', summary: '' },
      { method: 'POST', path: '/v1/complaints', function: 'submit-complaint', auth: 'official', summary: '' },
      { method: 'GET', path: '/v1/cases/{id}', function: 'get-case', auth: 'official', summary: '' },
    ];

    // Act / Assess
    expect(matchRoute(table, 'GET', '/v1/nothing')).toEqual({ kind: 'not-found' });
    expect(matchRoute(table, 'GET', '/v1/cases')).toEqual({ kind: 'not-found' });
    expect(matchRoute(table, 'GET', '/v1/cases/1/extra')).toEqual({ kind: 'not-found' });
    expect(matchRoute(table, 'GET', '/v1/health/')).toEqual({ kind: 'not-found' });
    expect(matchRoute(table, 'DELETE', '/v1/complaints')).toEqual({ kind: 'method-not-allowed', allowed: ['POST'] });
    expect(matchRoute(routes, 'GET', '/v1/nothing')).toEqual({ kind: 'not-found' });
  });

  it('prefers an exact path to a parameter, and takes the rest of the path for a greedy parameter', () => {
    // Prepare
    const table: RouteDefinition[] = [
      { method: 'GET', path: '/v1/cases/{id}', function: 'get-case', auth: 'official', summary: '' },
      { method: 'GET', path: '/v1/cases/mine', function: 'health', auth: 'official', summary: '' },
      { method: 'GET', path: '/v1/files/{key+}', function: 'health', auth: 'public', summary: '' },
    ];

    // Act / Assess
    expect(found(matchRoute(table, 'GET', '/v1/cases/mine')).route.path).toBe('/v1/cases/mine');
    expect(found(matchRoute(table, 'get', '/v1/cases/42')).pathParameters).toEqual({ id: '42' });
    expect(found(matchRoute(table, 'GET', '/v1/files/a/b/c.pdf')).pathParameters).toEqual({ key: 'a/b/c.pdf' });
  });
});

describe('toApiGatewayEvent', () => {
  const receivedAt = new Date('2026-03-01T09:30:05.123Z');

  it('builds a payload 2.0 event: route key, raw path and query, lowercased headers, parameters, context', () => {
    // Prepare
    const request = aRequest({
      rawPath: '/v1/cases/C1',
      rawQueryString: 'view=full&tag=a&tag=b%20c',
      rawHeaders: ['Host', '127.0.0.1:3000', 'User-Agent', 'curl/8', 'X-Multi', 'one', 'x-multi', 'two'],
    });
    const lookup = found(matchRoute(routes, 'GET', request.rawPath));

    // Act
    const event = toApiGatewayEvent(request, lookup, { requestId: 'req-1', receivedAt });

    // Assess
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /v1/cases/{id}',
      rawPath: '/v1/cases/C1',
      rawQueryString: 'view=full&tag=a&tag=b%20c',
      queryStringParameters: { view: 'full', tag: 'a,b c' },
      pathParameters: { id: 'C1' },
      isBase64Encoded: false,
      headers: { host: '127.0.0.1:3000', 'user-agent': 'curl/8', 'x-multi': 'one,two', 'x-forwarded-proto': 'http' },
      requestContext: {
        accountId: '000000000000',
        requestId: 'req-1',
        routeKey: 'GET /v1/cases/{id}',
        stage: '$default',
        domainName: '127.0.0.1',
        time: '01/Mar/2026:09:30:05 +0000',
        timeEpoch: receivedAt.getTime(),
        http: { method: 'GET', path: '/v1/cases/C1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8' },
      },
    });
    expect(event.body).toBeUndefined();
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  });

  it('leaves out query and path parameters when there are none, and moves cookies to `cookies`', () => {
    // Act
    const event = toApiGatewayEvent(
      aRequest({ rawHeaders: ['Cookie', 'a=1; b=2'] }),
      found(matchRoute(routes, 'GET', '/v1/health')),
      { requestId: 'r', receivedAt },
    );

    // Assess
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers).not.toHaveProperty('cookie');
  });

  it('passes a JSON body as text and a binary body base64-encoded', () => {
    // Prepare
    const lookup = found(matchRoute(routes, 'POST', '/v1/complaints'));
    const json = Buffer.from('{"description":"噪声"}');
    const binary = Buffer.from([0xff, 0x00, 0xfe, 0x10]);

    // Act
    const textEvent = toApiGatewayEvent(
      aRequest({
        method: 'POST',
        rawPath: '/v1/complaints',
        rawHeaders: ['Content-Type', 'application/json'],
        body: json,
      }),
      lookup,
      { requestId: 'r', receivedAt },
    );
    const binaryEvent = toApiGatewayEvent(
      aRequest({
        method: 'POST',
        rawPath: '/v1/complaints',
        rawHeaders: ['Content-Type', 'application/octet-stream'],
        body: binary,
      }),
      lookup,
      { requestId: 'r', receivedAt },
    );

    // Assess
    expect(textEvent).toMatchObject({ body: '{"description":"噪声"}', isBase64Encoded: false });
    expect(binaryEvent).toMatchObject({ body: binary.toString('base64'), isBase64Encoded: true });
  });

  it('carries the authorizer context of an official route', () => {
    // Prepare
    const authorizer = { jwt: { claims: { 'cognito:username': 'operator' }, scopes: null } };

    // Act
    const event = toApiGatewayEvent(aRequest(), found(matchRoute(routes, 'GET', '/v1/health')), {
      requestId: 'r',
      receivedAt,
      authorizer,
    });

    // Assess
    expect(event.requestContext.authorizer).toEqual(authorizer);
  });

  it('formats requestContext.time as API Gateway does', () => {
    expect(requestTime(new Date('2020-03-12T19:03:58Z'))).toBe('12/Mar/2020:19:03:58 +0000');
  });
});

describe('apiGatewayEvent', () => {
  afterEach(() => {
    setNow(null);
    vi.useRealTimers();
  });

  it('fills in what API Gateway adds: parsed query, forwarded and trace headers, the clock time, a request id', () => {
    // Prepare: the moved clock runs on from the instant it is set to, so stop real time for an exact comparison
    vi.useFakeTimers({ toFake: ['Date'] });
    setNow(new Date('2026-03-01T09:30:05Z'));
    const authorizer = { jwt: { claims: { 'cognito:username': 'operator' }, scopes: null } };

    // Act
    const event = apiGatewayEvent({
      method: 'post',
      rawPath: '/v1/cases/C1/actions/accept',
      rawQueryString: 'tag=a&tag=b',
      routeKey: 'POST /v1/cases/{id}/actions/{action}',
      pathParameters: { id: 'C1', action: 'accept' },
      headers: { 'content-type': 'application/json' },
      body: '{}',
      authorizer,
    });

    // Assess
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/cases/{id}/actions/{action}',
      queryStringParameters: { tag: 'a,b' },
      pathParameters: { id: 'C1', action: 'accept' },
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'http' },
      body: '{}',
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        authorizer,
        http: { method: 'POST', path: '/v1/cases/C1/actions/accept', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
        time: '01/Mar/2026:09:30:05 +0000',
        timeEpoch: Date.parse('2026-03-01T09:30:05Z'),
      },
    });
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9+/]{14}[A-Za-z0-9+/=]{2}$/);
  });

  it('is the event the server builds from the HTTP request', () => {
    // Prepare
    const receivedAt = new Date('2026-03-01T09:30:05Z');
    const request = aRequest({
      method: 'POST',
      rawPath: '/v1/complaints',
      rawQueryString: 'dryRun=1',
      rawHeaders: ['Host', '127.0.0.1:3000', 'Content-Type', 'application/json', 'Cookie', 'a=1'],
      body: Buffer.from('{"a":1}'),
    });

    // Act
    const served = toApiGatewayEvent(request, found(matchRoute(routes, 'POST', '/v1/complaints')), {
      requestId: 'r',
      receivedAt,
    });
    const built = apiGatewayEvent({
      method: 'POST',
      rawPath: '/v1/complaints',
      rawQueryString: 'dryRun=1',
      routeKey: 'POST /v1/complaints',
      headers: { host: '127.0.0.1:3000', 'content-type': 'application/json' },
      cookies: ['a=1'],
      body: '{"a":1}',
      port: 3000,
      requestId: 'r',
      receivedAt,
    });

    // Assess
    const withoutTrace = (event: typeof built) => ({
      ...event,
      headers: { ...event.headers, 'x-amzn-trace-id': undefined },
    });
    expect(withoutTrace(served)).toEqual(withoutTrace(built));
  });
});

describe('fromApiGatewayResult', () => {
  it('sends a structured result as given, with cookies and a base64 body decoded', () => {
    // Act
    const response = fromApiGatewayResult({
      statusCode: 201,
      headers: { 'Content-Type': 'image/png', 'X-Count': 3 },
      cookies: ['a=1; Path=/'],
      body: Buffer.from([1, 2, 3]).toString('base64'),
      isBase64Encoded: true,
    });

    // Assess
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({ 'content-type': 'image/png', 'x-count': '3' });
    expect(response.cookies).toEqual(['a=1; Path=/']);
    expect([...response.body]).toEqual([1, 2, 3]);
  });

  it('turns a bare object or string into a 200 JSON answer', () => {
    const object = fromApiGatewayResult({ status: 'ok' });
    const text = fromApiGatewayResult('hello');
    expect(object).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json' } });
    expect(object.body.toString()).toBe('{"status":"ok"}');
    expect(text.body.toString()).toBe('"hello"');
  });

  it('refuses a result API Gateway could not map', () => {
    expect(() => fromApiGatewayResult({ statusCode: 'ok' })).toThrow(MalformedLambdaResultError);
    expect(() => fromApiGatewayResult({ statusCode: 200, body: { a: 1 } })).toThrow(MalformedLambdaResultError);
  });
});
