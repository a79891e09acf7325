import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parseQuery } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { rectificationApi } from '#rectification/api.ts';
import { listLookBacksDue } from '#rectification/services/list-problems.ts';

tableName('main');

export const handler = httpHandler(async (event) =>
  jsonResponse(
    200,
    await listLookBacksDue(parseQuery(rectificationApi.listLookBacksDue, event), principalFromEvent(event)),
  ),
);
