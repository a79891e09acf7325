import { gradingApi } from '#grading/api.ts';
import { readScheme } from '#grading/services/schemes.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const industry = parsePathParameter(gradingApi.getGradingScheme, 'industry', event);
  return jsonResponse(200, await readScheme(industry, event.queryStringParameters ?? {}, principal));
});
