import { ledgerQuerySchema } from '#ledger/domain/ledger.ts';
import { readLedger } from '#ledger/services/read-ledger.ts';
import { tableName } from '#platform/config.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const query = parseWith(ledgerQuerySchema, event.queryStringParameters ?? {});
  return jsonResponse(200, await readLedger(query, principal));
});
