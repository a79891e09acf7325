import { tableName } from '#config';
import { caseListQuerySchema } from '#domain/case-query.ts';
import { parseWith } from '#domain/validation.ts';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { listCases } from '#services/case-listing.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const query = parseWith(caseListQuerySchema, event.queryStringParameters ?? {});
  return jsonResponse(200, await listCases(query, principal));
});
