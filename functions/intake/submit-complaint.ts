import { intakeApi } from '#intake/api.ts';
import { submitComplaintIdempotently } from '#intake/services/idempotent-intake.ts';
import { attachmentsBucket } from '#platform/adapters/attachment-store.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parseBody } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');
queueUrl('notices');
attachmentsBucket();

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const complaint = parseBody(intakeApi.submitComplaint, event);
  const registered = await submitComplaintIdempotently(complaint, principal, event.headers?.['idempotency-key']);
  return jsonResponse(201, registered.view, { location: `/v1/cases/${registered.case.id}` });
});
