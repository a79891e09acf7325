import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { reconcile } from '#statistics/services/reconcile.ts';

tableName('main');

// The service checks the caller's role before it parses the body.
export const handler = httpHandler(async (event) =>
  jsonResponse(200, await reconcile(jsonBody(event), principalFromEvent(event))),
);
