import { campaignsApi } from '#campaigns/api.ts';
import { fileProgressNote } from '#campaigns/services/file-progress.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parseBody, parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const route = campaignsApi.fileProgress;
  const id = parsePathParameter(route, 'id', event);
  return jsonResponse(201, await fileProgressNote(id, parseBody(route, event), principal));
});
