import { tableName } from '#platform/config.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { enforceRateLimits, publicLimits } from '#platform/http/rate-limits.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { surveysApi } from '#surveys/api.ts';
import { readSurveyByToken } from '#surveys/services/public-survey.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  await enforceRateLimits('survey', event.requestContext.http.sourceIp, publicLimits.survey);
  const token = parsePathParameter(surveysApi.getPublicSurvey, 'token', event);
  return jsonResponse(200, await readSurveyByToken(token), { 'cache-control': 'no-store' });
});
