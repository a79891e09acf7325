import { queueUrl, tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { requestCaseExport } from '#statistics/services/request-case-export.ts';

tableName('main');
queueUrl('exports');

export const handler = httpHandler(async (event) => {
  const job = await requestCaseExport(jsonBody(event), principalFromEvent(event));
  return jsonResponse(202, job, { location: `/v1/exports/${job.id}` });
});
