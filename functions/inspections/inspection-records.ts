import { inspectionsApi } from '#inspections/api.ts';
import {
  fileEnforcementCase,
  readEnforcementLedger,
  stepEnforcementCase,
} from '#inspections/services/enforcement-cases.ts';
import { readInspections, recordInspection } from '#inspections/services/inspections.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { routeKey } from '#platform/http/api-registry.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');
queueUrl('notices');

/** Inspections and enforcement cases: five routes in one function (a function costs four CloudFormation resources). */
const recordRoute = routeKey(inspectionsApi.recordInspection);
const listRoute = routeKey(inspectionsApi.listInspections);
const fileRoute = routeKey(inspectionsApi.fileEnforcementCase);
const stepRoute = routeKey(inspectionsApi.stepEnforcementCase);

// Bodies and queries are parsed by the services with the routes' schemas.
export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const query = event.queryStringParameters ?? {};
  const idempotencyKey = event.headers?.['idempotency-key'];
  if (event.routeKey === recordRoute) {
    return jsonResponse(201, await recordInspection(jsonBody(event), principal, idempotencyKey));
  }
  if (event.routeKey === listRoute) return jsonResponse(200, await readInspections(query, principal));
  if (event.routeKey === fileRoute) {
    return jsonResponse(201, await fileEnforcementCase(jsonBody(event), principal, idempotencyKey));
  }
  if (event.routeKey === stepRoute) {
    const id = parsePathParameter(inspectionsApi.stepEnforcementCase, 'id', event);
    return jsonResponse(200, await stepEnforcementCase(id, jsonBody(event), principal));
  }
  return jsonResponse(200, await readEnforcementLedger(query, principal));
});
