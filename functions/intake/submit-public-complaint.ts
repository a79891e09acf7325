import { intakeApi } from '#intake/api.ts';
import { submitPublicComplaintIdempotently } from '#intake/services/idempotent-intake.ts';
import { attachmentsBucket } from '#platform/adapters/attachment-store.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { enforceRateLimits, publicLimits } from '#platform/http/rate-limits.ts';
import { parseBody } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');
queueUrl('notices');
attachmentsBucket();

export const handler = httpHandler(async (event) => {
  const client = event.requestContext.http.sourceIp;
  await enforceRateLimits('public-complaint', client, publicLimits.submitComplaint);
  const complaint = parseBody(intakeApi.submitPublicComplaint, event);
  const receipt = await submitPublicComplaintIdempotently(complaint, client, event.headers?.['idempotency-key']);
  return jsonResponse(201, receipt, { 'cache-control': 'no-store' });
});
