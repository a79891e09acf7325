import { deadlinesApi } from '#deadlines/api.ts';
import { readCalendarYear } from '#deadlines/services/calendar.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const year = parsePathParameter(deadlinesApi.getCalendarYear, 'year', event);
  return jsonResponse(200, await readCalendarYear(year, principal));
});
