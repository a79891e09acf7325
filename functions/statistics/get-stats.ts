import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { readStats } from '#statistics/services/read-stats.ts';

tableName('main');

export const handler = httpHandler(async (event) =>
  jsonResponse(200, await readStats(event.queryStringParameters ?? {}, principalFromEvent(event))),
);
