import { deadlinesApi } from '#deadlines/api.ts';
import { enterCalendarYear } from '#deadlines/services/enter-calendar-year.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

// The service checks the caller's role before it parses the body with the year's own checks.
export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const year = parsePathParameter(deadlinesApi.putCalendarYear, 'year', event);
  return jsonResponse(200, await enterCalendarYear(year, jsonBody(event), principal));
});
