import { tableName } from '#config';
import { ledgerQuerySchema } from '#domain/ledger.ts';
import { parseWith } from '#domain/validation.ts';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { readLedger } from '#services/ledger.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const query = parseWith(ledgerQuerySchema, event.queryStringParameters ?? {});
  return jsonResponse(200, await readLedger(query, principal));
});
