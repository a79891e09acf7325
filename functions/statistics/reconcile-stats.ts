import { queueUrl, tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { requestReconciliation } from '#statistics/services/request-reconciliation.ts';

tableName('main');
queueUrl('reconciliations');

// The service checks the caller's role before it parses the body.
export const handler = httpHandler(async (event) => {
  const job = await requestReconciliation(jsonBody(event), principalFromEvent(event));
  return jsonResponse(202, job, { location: `/v1/admin/reconciliations/${job.id}` });
});
