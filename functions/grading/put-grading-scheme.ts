import { gradingApi } from '#grading/api.ts';
import { loadScheme } from '#grading/services/schemes.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

// The service checks the caller's role before it parses the body.
export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const industry = parsePathParameter(gradingApi.putGradingScheme, 'industry', event);
  return jsonResponse(200, await loadScheme(industry, jsonBody(event), principal));
});
