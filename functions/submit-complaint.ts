import { queueUrl, tableName } from '#config';
import { caseView } from '#domain/case-view.ts';
import { newComplaintSchema } from '#domain/complaint-input.ts';
import { parseWith } from '#domain/validation.ts';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler, jsonBody } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { submitComplaint } from '#services/intake.ts';

tableName('main');
queueUrl('notices');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const complaint = parseWith(newComplaintSchema, jsonBody(event));
  const stored = await submitComplaint(complaint, principal);
  return jsonResponse(201, caseView(stored, principal), { location: `/v1/cases/${stored.id}` });
});
