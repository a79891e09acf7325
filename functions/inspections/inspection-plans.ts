import { inspectionsApi } from '#inspections/api.ts';
import {
  createPlan,
  putInspectorEntry,
  readInspectorPool,
  readPlans,
  updatePlan,
} from '#inspections/services/plans.ts';
import { tableName } from '#platform/config.ts';
import { routeKey } from '#platform/http/api-registry.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

/** The plans and the inspector pool: five routes in one function (a function costs four CloudFormation resources). */
const createRoute = routeKey(inspectionsApi.createPlan);
const updateRoute = routeKey(inspectionsApi.updatePlan);
const poolRoute = routeKey(inspectionsApi.listInspectors);
const putRoute = routeKey(inspectionsApi.putInspector);

// Bodies and queries are parsed by the services with the routes' schemas.
export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  if (event.routeKey === createRoute) return jsonResponse(201, await createPlan(jsonBody(event), principal));
  if (event.routeKey === updateRoute) {
    const id = parsePathParameter(inspectionsApi.updatePlan, 'id', event);
    return jsonResponse(200, await updatePlan(id, jsonBody(event), principal));
  }
  if (event.routeKey === poolRoute) return jsonResponse(200, await readInspectorPool(principal));
  if (event.routeKey === putRoute) {
    const username = parsePathParameter(inspectionsApi.putInspector, 'username', event);
    return jsonResponse(200, await putInspectorEntry(username, jsonBody(event), principal));
  }
  return jsonResponse(200, await readPlans(event.queryStringParameters ?? {}, principal));
});
