import { caseListQuerySchema } from '#cases/domain/case-query.ts';
import { listCases } from '#cases/services/list-cases.ts';
import { tableName } from '#platform/config.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const query = parseWith(caseListQuerySchema, event.queryStringParameters ?? {});
  return jsonResponse(200, await listCases(query, principal));
});
