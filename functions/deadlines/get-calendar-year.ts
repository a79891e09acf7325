import { calendarYearSchema } from '#deadlines/domain/calendar.ts';
import { readCalendarYear } from '#deadlines/services/calendar.ts';
import { tableName } from '#platform/config.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const year = parseWith(calendarYearSchema, event.pathParameters?.year);
  return jsonResponse(200, await readCalendarYear(year, principal));
});
