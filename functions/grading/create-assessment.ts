import { createAssessment } from '#grading/services/create-assessment.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

// The service checks the caller's role before it parses the body.
export const handler = httpHandler(async (event) => {
  const assessment = await createAssessment(jsonBody(event), principalFromEvent(event));
  return jsonResponse(201, assessment, { location: `/v1/grading/assessments/${assessment.id}` });
});
