import { queueUrl, tableName } from '#config';
import { newComplaintSchema } from '#domain/complaint-input.ts';
import { parseWith } from '#domain/validation.ts';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler, jsonBody } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { attachmentsBucket } from '#messaging/attachment-store.ts';
import { presentCase } from '#services/case-presentation.ts';
import { submitComplaintIdempotently } from '#services/idempotent-intake.ts';

tableName('main');
tableName('idempotency');
queueUrl('notices');
attachmentsBucket();

export const handler = httpHandler(async (event, context) => {
  const principal = principalFromEvent(event);
  const complaint = parseWith(newComplaintSchema, jsonBody(event));
  const stored = await submitComplaintIdempotently(complaint, principal, event.headers?.['idempotency-key'], context);
  const view = await presentCase(stored, principal, 'register-complaint');
  return jsonResponse(201, view, { location: `/v1/cases/${stored.id}` });
});
