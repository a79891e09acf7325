import { casesApi } from '#cases/api.ts';
import { listTransfers } from '#cases/services/list-transfers.ts';
import { recordTransfer } from '#cases/services/record-transfer.ts';
import { recordTransferOutcome } from '#cases/services/record-transfer-outcome.ts';
import { tableName } from '#platform/config.ts';
import { routeKey } from '#platform/http/api-registry.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

/**
 * The three transfer routes in one function: each function costs five of the 500 resources a CloudFormation stack
 * may hold (function, role, policy, log group, integration), and the stack has few left.
 */
const recordRoute = routeKey(casesApi.recordTransfer);
const outcomeRoute = routeKey(casesApi.recordTransferOutcome);

// The bodies are parsed by the services with the routes' schemas, as the case actions' are.
export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  if (event.routeKey === recordRoute) {
    const id = parsePathParameter(casesApi.recordTransfer, 'id', event);
    return jsonResponse(201, await recordTransfer(id, jsonBody(event), principal));
  }
  if (event.routeKey === outcomeRoute) {
    const route = casesApi.recordTransferOutcome;
    const id = parsePathParameter(route, 'id', event);
    const transferId = parsePathParameter(route, 'transferId', event);
    return jsonResponse(200, await recordTransferOutcome(id, transferId, jsonBody(event), principal));
  }
  const id = parsePathParameter(casesApi.listTransfers, 'id', event);
  return jsonResponse(200, await listTransfers(id, principal));
});
