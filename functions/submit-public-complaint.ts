import { queueUrl, tableName } from '#config';
import { publicComplaintSchema } from '#domain/public-complaint.ts';
import { parseWith } from '#domain/validation.ts';
import { httpHandler, jsonBody } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { attachmentsBucket } from '#messaging/attachment-store.ts';
import { submitPublicComplaintIdempotently } from '#services/idempotent-intake.ts';
import { enforceRateLimits, publicLimits } from '#services/rate-limits.ts';

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
