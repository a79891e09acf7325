import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parseQuery } from '#platform/http/request.ts';
import { fileResponse } from '#platform/http/responses.ts';
import { rectificationApi } from '#rectification/api.ts';
import { exportLedger } from '#rectification/services/export-ledger.ts';

tableName('main');

export const handler = httpHandler(async (event) =>
  fileResponse(await exportLedger(parseQuery(rectificationApi.exportLedger, event), principalFromEvent(event))),
);
