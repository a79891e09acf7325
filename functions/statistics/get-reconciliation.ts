import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { statisticsApi } from '#statistics/api.ts';
import { readReconciliation } from '#statistics/services/read-reconciliation.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const id = parsePathParameter(statisticsApi.getReconciliation, 'id', event);
  return jsonResponse(200, await readReconciliation(id, principalFromEvent(event)));
});
