import { readPublicInspections } from '#inspections/services/public-inspections.ts';
import { tableName } from '#platform/config.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { enforceRateLimits, publicLimits } from '#platform/http/rate-limits.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  await enforceRateLimits('public-inspections', event.requestContext.http.sourceIp, publicLimits.publicInspections);
  return jsonResponse(200, await readPublicInspections(event.queryStringParameters ?? {}), {
    'cache-control': 'public, max-age=60',
  });
});
