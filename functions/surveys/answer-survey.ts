import { queueUrl, tableName } from '#platform/config.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { enforceRateLimits, publicLimits } from '#platform/http/rate-limits.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { surveysApi } from '#surveys/api.ts';
import { answerByToken } from '#surveys/services/answer-survey.ts';

tableName('main');
queueUrl('notices');

export const handler = httpHandler(async (event) => {
  await enforceRateLimits('survey', event.requestContext.http.sourceIp, publicLimits.survey);
  const token = parsePathParameter(surveysApi.answerPublicSurvey, 'token', event);
  return jsonResponse(200, await answerByToken(token, jsonBody(event)), { 'cache-control': 'no-store' });
});
