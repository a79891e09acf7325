import { directoryApi } from '#directory/api.ts';
import { listColleagues } from '#directory/services/list-colleagues.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parseQuery } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const query = parseQuery(directoryApi.listUsers, event);
  return jsonResponse(200, { items: await listColleagues(query, principal) });
});
