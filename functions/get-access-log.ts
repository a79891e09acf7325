import { tableName } from '#config';
import { caseIdSchema } from '#domain/ids.ts';
import { parseWith } from '#domain/validation.ts';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { readAccessLog } from '#services/case-reading.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parseWith(caseIdSchema, event.pathParameters?.id);
  return jsonResponse(200, { caseId: id, accesses: await readAccessLog(id, principal) });
});
