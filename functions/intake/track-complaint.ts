import { trackingRequestSchema } from '#intake/api.ts';
import { trackComplaint } from '#intake/services/public-intake.ts';
import { tableName } from '#platform/config.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { enforceRateLimits, publicLimits } from '#platform/http/rate-limits.ts';
import { parseRequest } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  await enforceRateLimits('track-complaint', event.requestContext.http.sourceIp, publicLimits.trackComplaint);
  const { trackingCode, secret } = parseRequest(trackingRequestSchema, {
    trackingCode: event.pathParameters?.trackingCode,
    secret: event.headers?.['x-tracking-secret'],
  });
  return jsonResponse(200, await trackComplaint(trackingCode, secret), { 'cache-control': 'no-store' });
});
