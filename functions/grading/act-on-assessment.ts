import { gradingApi } from '#grading/api.ts';
import { actOnAssessmentById } from '#grading/services/act-on-assessment.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parsePathParameter(gradingApi.actOnAssessment, 'id', event);
  const action = parsePathParameter(gradingApi.actOnAssessment, 'action', event);
  const body = event.body ? jsonBody(event) : {};
  return jsonResponse(200, await actOnAssessmentById(id, action, body, principal));
});
