import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { surveysApi } from '#surveys/api.ts';
import { surveysOfCase } from '#surveys/services/case-surveys.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parsePathParameter(surveysApi.listCaseSurveys, 'id', event);
  return jsonResponse(200, await surveysOfCase(id, principal));
});
