import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { fileResponse } from '#platform/http/responses.ts';
import { exportStats } from '#statistics/services/export-stats.ts';

tableName('main');

export const handler = httpHandler(async (event) =>
  fileResponse(await exportStats(event.queryStringParameters ?? {}, principalFromEvent(event))),
);
