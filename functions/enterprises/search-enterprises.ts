import { enterprisesApi } from '#enterprises/api.ts';
import { countGrades } from '#enterprises/services/grade-counts.ts';
import { searchEnterprises } from '#enterprises/services/search-enterprises.ts';
import { tableName } from '#platform/config.ts';
import { routeKey } from '#platform/http/api-registry.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

const countRoute = routeKey(enterprisesApi.countGrades);

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  if (event.routeKey === countRoute) return jsonResponse(200, await countGrades(principal));
  return jsonResponse(200, await searchEnterprises(event.queryStringParameters ?? {}, principal));
});
