import { queueUrl, tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parseBody } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { rectificationApi } from '#rectification/api.ts';
import { importLedger } from '#rectification/services/import-ledger.ts';

tableName('main');
queueUrl('notices');

export const handler = httpHandler(async (event) => {
  const report = await importLedger(parseBody(rectificationApi.importLedger, event), principalFromEvent(event));
  return jsonResponse(report.replayed ? 200 : 201, report);
});
