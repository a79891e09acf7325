import { casesApi } from '#cases/api.ts';
import { readAccessLog } from '#cases/services/read-case.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parsePathParameter(casesApi.getAccessLog, 'id', event);
  return jsonResponse(200, { caseId: id, accesses: await readAccessLog(id, principal) });
});
