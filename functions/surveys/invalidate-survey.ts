import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { surveysApi } from '#surveys/api.ts';
import { invalidateCaseSurvey } from '#surveys/services/case-surveys.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parsePathParameter(surveysApi.invalidateCaseSurvey, 'id', event);
  const surveyId = parsePathParameter(surveysApi.invalidateCaseSurvey, 'surveyId', event);
  return jsonResponse(200, await invalidateCaseSurvey(id, surveyId, jsonBody(event), principal));
});
