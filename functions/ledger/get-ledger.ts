import { ledgerApi } from '#ledger/api.ts';
import { readLedger } from '#ledger/services/read-ledger.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parseQuery } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const query = parseQuery(ledgerApi.getLedger, event);
  return jsonResponse(200, await readLedger(query, principal));
});
