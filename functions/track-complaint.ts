import { z } from 'zod';
import { tableName } from '#config';
import { trackingCodePattern } from '#domain/public-complaint.ts';
import { parseWith } from '#domain/validation.ts';
import { httpHandler } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { trackComplaint } from '#services/public-intake.ts';
import { enforceRateLimits, publicLimits } from '#services/rate-limits.ts';

tableName('main');

const trackingRequestSchema = z.object({
  trackingCode: z.string().trim().toUpperCase().regex(trackingCodePattern, '查询码格式不正确'),
  secret: z.string({ error: '请在 X-Tracking-Secret 请求头中提供查询密码' }).min(1).max(200),
});

export const handler = httpHandler(async (event) => {
  await enforceRateLimits('track-complaint', event.requestContext.http.sourceIp, publicLimits.trackComplaint);
  const { trackingCode, secret } = parseWith(trackingRequestSchema, {
    trackingCode: event.pathParameters?.trackingCode,
    secret: event.headers?.['x-tracking-secret'],
  });
  return jsonResponse(200, await trackComplaint(trackingCode, secret), { 'cache-control': 'no-store' });
});
