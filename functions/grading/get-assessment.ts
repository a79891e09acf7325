import { gradingApi } from '#grading/api.ts';
import { readAssessment } from '#grading/services/read-assessments.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parsePathParameter(gradingApi.getAssessment, 'id', event);
  return jsonResponse(200, await readAssessment(id, principal));
});
