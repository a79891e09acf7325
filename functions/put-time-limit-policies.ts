import { tableName } from '#config';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler, jsonBody } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { replacePolicies } from '#services/time-limit-admin.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  return jsonResponse(200, await replacePolicies(jsonBody(event), principal));
});
