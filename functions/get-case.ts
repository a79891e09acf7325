import { tableName } from '#config';
import { caseIdSchema } from '#domain/ids.ts';
import { parseWith } from '#domain/validation.ts';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { presentCase } from '#services/case-presentation.ts';
import { readCase } from '#services/case-reading.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parseWith(caseIdSchema, event.pathParameters?.id);
  const { case: item, history } = await readCase(id, principal);
  return jsonResponse(200, await presentCase(item, principal, 'read-case', history));
});
