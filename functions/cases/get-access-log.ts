import { caseIdSchema } from '#cases/domain/ids.ts';
import { readAccessLog } from '#cases/services/read-case.ts';
import { tableName } from '#platform/config.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parseWith(caseIdSchema, event.pathParameters?.id);
  return jsonResponse(200, { caseId: id, accesses: await readAccessLog(id, principal) });
});
