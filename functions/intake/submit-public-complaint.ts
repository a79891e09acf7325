import { publicComplaintSchema } from '#intake/domain/public-complaint.ts';
import { submitPublicComplaintIdempotently } from '#intake/services/idempotent-intake.ts';
import { attachmentsBucket } from '#platform/adapters/attachment-store.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { enforceRateLimits, publicLimits } from '#platform/http/rate-limits.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');
tableName('idempotency');
queueUrl('notices');
attachmentsBucket();

export const handler = httpHandler(async (event, context) => {
  const client = event.requestContext.http.sourceIp;
  await enforceRateLimits('public-complaint', client, publicLimits.submitComplaint);
  const complaint = parseWith(publicComplaintSchema, jsonBody(event));
  const receipt = await submitPublicComplaintIdempotently(
    complaint,
    client,
    event.headers?.['idempotency-key'],
    context,
  );
  return jsonResponse(201, receipt, { 'cache-control': 'no-store' });
});
