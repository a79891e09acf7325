import { z } from 'zod';
import { trackingCodePattern } from '#intake/domain/public-complaint.ts';
import { trackComplaint } from '#intake/services/public-intake.ts';
import { tableName } from '#platform/config.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { enforceRateLimits, publicLimits } from '#platform/http/rate-limits.ts';
import { jsonResponse } from '#platform/http/responses.ts';

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
