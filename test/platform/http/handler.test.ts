import { describe, expect, it } from 'vitest';
import { ValidationError } from '#platform/domain/errors.ts';
import { TooManyRequestsError } from '#platform/http/errors.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { IdempotencyAlreadyInProgressError } from '#platform/idempotency.ts';
import { logger } from '#platform/logger.ts';
import { apiEvent, invoke } from '../../support/factories.ts';

/** Header names lower-cased, as API Gateway and browsers treat them. */
const headersOf = (result: { headers?: Record<string, unknown> }) =>
  Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));

const anEvent = (body?: unknown) => apiEvent({ method: 'POST', path: '/v1/things', routeKey: 'POST /v1/things', body });

const expectSecurityHeaders = (headers: Record<string, unknown>) => {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains/);
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(headers['referrer-policy']).toBe('no-referrer');
};

describe('httpHandler', () => {
  it('adds the security headers to a successful response and keeps its own', async () => {
    // Prepare
    const handler = httpHandler(async () => jsonResponse(201, { id: 'T1' }, { location: '/v1/things/T1' }));

    // Act
    const result = await invoke(handler, anEvent({}));

    // Assess
    const headers = headersOf(result);
    expect(result.statusCode).toBe(201);
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(headers.location).toBe('/v1/things/T1');
    expectSecurityHeaders(headers);
  });

  it('adds them to a problem+json response of a refused request', async () => {
    // Prepare
    const handler = httpHandler(async (event) => jsonResponse(200, jsonBody(event)));

    // Act
    const result = await invoke(handler, anEvent('not json'));

    // Assess
    const headers = headersOf(result);
    expect(result.statusCode).toBe(400);
    expect(headers['content-type']).toMatch(/^application\/problem\+json/);
    expectSecurityHeaders(headers);
  });

  it('adds them to a 5xx problem and to a 429 with its retry-after', async () => {
    // Prepare
    const failing = httpHandler(async () => {
      throw new Error('table unavailable');
    });
    const limited = httpHandler(async () => {
      throw new TooManyRequestsError('太频繁', 30);
    });

    // Act
    const failed = await invoke(failing, anEvent({}));
    const refused = await invoke(limited, anEvent({}));

    // Assess
    expect(failed.statusCode).toBe(500);
    expectSecurityHeaders(headersOf(failed));
    expect(refused.statusCode).toBe(429);
    expect(headersOf(refused)['retry-after']).toBe('30');
    expectSecurityHeaders(headersOf(refused));
  });

  it('answers a racing intake retry with 409 and Retry-After', async () => {
    // Prepare: the first request with the same Idempotency-Key has not landed yet.
    const racing = httpHandler(async () => {
      throw new IdempotencyAlreadyInProgressError('相同 Idempotency-Key 的请求正在处理');
    });

    // Act
    const result = await invoke(racing, anEvent({}));

    // Assess
    expect(result.statusCode).toBe(409);
    expect(headersOf(result)['retry-after']).toBe('1');
  });

  it('leaves CORS to API Gateway: no access-control headers of its own', async () => {
    // Prepare
    const handler = httpHandler(async () => jsonResponse(200, { ok: true }));

    // Act
    const result = await invoke(handler, anEvent({}));

    // Assess
    expect(Object.keys(headersOf(result)).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('logs with the request id as correlation id while the request runs, and forgets it after', async () => {
    // Prepare
    let during: unknown;
    const handler = httpHandler(async () => {
      during = logger.getCorrelationId();
      throw new ValidationError([{ path: 'name', message: '必填' }]);
    });
    const event = anEvent({});

    // Act
    await invoke(handler, event);

    // Assess
    expect(during).toBe(event.requestContext.requestId);
    expect(logger.getCorrelationId()).toBeUndefined();
  });
});
