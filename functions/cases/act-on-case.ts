import { caseIdSchema } from '#cases/domain/ids.ts';
import { actOnCase } from '#cases/services/act-on-case.ts';
import { presentCase } from '#cases/services/present-case.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');
queueUrl('notices');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parseWith(caseIdSchema, event.pathParameters?.id);
  const body = event.body ? jsonBody(event) : {};
  const updated = await actOnCase(id, event.pathParameters?.action ?? '', body, principal);
  return jsonResponse(200, await presentCase(updated, principal, `case-action:${event.pathParameters?.action}`));
});
