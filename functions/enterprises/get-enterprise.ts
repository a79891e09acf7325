import { enterprisesApi } from '#enterprises/api.ts';
import { readEnterprise } from '#enterprises/services/read-enterprise.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const uscc = parsePathParameter(enterprisesApi.getEnterprise, 'uscc', event);
  return jsonResponse(200, await readEnterprise(uscc, principal));
});
