import { attachmentsBucket } from '#platform/adapters/attachment-store.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { statisticsApi } from '#statistics/api.ts';
import { readCaseExport } from '#statistics/services/read-case-export.ts';

tableName('main');
attachmentsBucket();

export const handler = httpHandler(async (event) => {
  const id = parsePathParameter(statisticsApi.getCaseExport, 'id', event);
  return jsonResponse(200, await readCaseExport(id, principalFromEvent(event)));
});
