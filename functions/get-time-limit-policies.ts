import { tableName } from '#config';
import { principalFromEvent } from '#http/auth.ts';
import { httpHandler } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { readPolicies } from '#services/time-limit-admin.ts';

tableName('main');

export const handler = httpHandler(async (event) => jsonResponse(200, await readPolicies(principalFromEvent(event))));
