import { casesApi } from '#cases/api.ts';
import { presentCase } from '#cases/services/present-case.ts';
import { readCase } from '#cases/services/read-case.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parsePathParameter(casesApi.getCase, 'id', event);
  const { case: item, history, allowedActions } = await readCase(id, principal);
  return jsonResponse(200, await presentCase(item, principal, 'read-case', history, allowedActions));
});
