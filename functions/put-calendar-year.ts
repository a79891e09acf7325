import { tableName } from '#config';
import { calendarYearSchema } from '#domain/calendar.ts';
import { parseWith } from '#domain/validation.ts';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler, jsonBody } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { enterCalendarYear } from '#services/calendar.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const year = parseWith(calendarYearSchema, event.pathParameters?.year);
  return jsonResponse(200, await enterCalendarYear(year, jsonBody(event), principal));
});
