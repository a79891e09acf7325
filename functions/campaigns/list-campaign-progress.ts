import { campaignsApi } from '#campaigns/api.ts';
import { listProgress } from '#campaigns/services/list-progress.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter, parseQuery } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const route = campaignsApi.listProgress;
  const id = parsePathParameter(route, 'id', event);
  return jsonResponse(200, await listProgress(id, parseQuery(route, event), principal));
});
