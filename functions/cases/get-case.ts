import { caseIdSchema } from '#cases/domain/ids.ts';
import { presentCase } from '#cases/services/present-case.ts';
import { readCase } from '#cases/services/read-case.ts';
import { tableName } from '#platform/config.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parseWith(caseIdSchema, event.pathParameters?.id);
  const { case: item, history } = await readCase(id, principal);
  return jsonResponse(200, await presentCase(item, principal, 'read-case', history));
});
