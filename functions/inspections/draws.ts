import { inspectionsApi } from '#inspections/api.ts';
import { createDraw, readDraw, readDraws } from '#inspections/services/draws.ts';
import { tableName } from '#platform/config.ts';
import { routeKey } from '#platform/http/api-registry.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

/** Running a draw, reading one with its verification, listing a period's: three routes in one function. */
const createRoute = routeKey(inspectionsApi.createDraw);
const getRoute = routeKey(inspectionsApi.getDraw);

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  if (event.routeKey === createRoute) {
    const draw = await createDraw(jsonBody(event), principal);
    return jsonResponse(201, draw, { location: `/v1/draws/${draw.id}` });
  }
  if (event.routeKey === getRoute) {
    return jsonResponse(200, await readDraw(parsePathParameter(inspectionsApi.getDraw, 'id', event), principal));
  }
  return jsonResponse(200, await readDraws(event.queryStringParameters ?? {}, principal));
});
