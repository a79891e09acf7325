import { casesApi } from '#cases/api.ts';
import { actOnCase } from '#cases/services/act-on-case.ts';
import { presentCase } from '#cases/services/present-case.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');
queueUrl('notices');
queueUrl('surveys');

// The action and its body are left to the service: an unknown action is a 404, and each action has its own schema.
export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parsePathParameter(casesApi.actOnCase, 'id', event);
  const body = event.body ? jsonBody(event) : {};
  const updated = await actOnCase(id, event.pathParameters?.action ?? '', body, principal);
  return jsonResponse(200, await presentCase(updated, principal, `case-action:${event.pathParameters?.action}`));
});
