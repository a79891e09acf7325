import { importEnterprises } from '#enterprises/services/import-enterprises.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

// The service checks the caller's role before it reads the sheet.
export const handler = httpHandler(async (event) =>
  jsonResponse(200, await importEnterprises(jsonBody(event), principalFromEvent(event))),
);
