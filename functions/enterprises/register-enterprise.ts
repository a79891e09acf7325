import { registerNewEnterprise } from '#enterprises/services/register-enterprise.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const enterprise = await registerNewEnterprise(jsonBody(event), principalFromEvent(event));
  return jsonResponse(201, enterprise, { location: `/v1/enterprises/${enterprise.uscc}` });
});
