import { queueUrl, tableName } from '#config';
import { caseIdSchema } from '#domain/ids.ts';
import { parseWith } from '#domain/validation.ts';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler, jsonBody } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { actOnCase } from '#services/case-actions.ts';
import { presentCase } from '#services/case-presentation.ts';

tableName('main');
queueUrl('notices');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parseWith(caseIdSchema, event.pathParameters?.id);
  const body = event.body ? jsonBody(event) : {};
  const updated = await actOnCase(id, event.pathParameters?.action ?? '', body, principal);
  return jsonResponse(200, await presentCase(updated, principal, `case-action:${event.pathParameters?.action}`));
});
