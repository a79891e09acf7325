import { enterprisesApi } from '#enterprises/api.ts';
import { addToPositiveList, readPositiveList, takeOffPositiveList } from '#enterprises/services/positive-list.ts';
import { tableName } from '#platform/config.ts';
import { routeKey } from '#platform/http/api-registry.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

/** The positive list's three routes in one function (a function costs four CloudFormation resources). */
const addRoute = routeKey(enterprisesApi.addToPositiveList);
const removeRoute = routeKey(enterprisesApi.removeFromPositiveList);

// The bodies and the query are parsed by the services with the routes' schemas.
export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  if (event.routeKey === addRoute) return jsonResponse(201, await addToPositiveList(jsonBody(event), principal));
  if (event.routeKey === removeRoute) {
    const uscc = parsePathParameter(enterprisesApi.removeFromPositiveList, 'uscc', event);
    return jsonResponse(200, await takeOffPositiveList(uscc, jsonBody(event), principal));
  }
  return jsonResponse(200, await readPositiveList(event.queryStringParameters ?? {}, principal));
});
