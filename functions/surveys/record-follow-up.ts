import { queueUrl, tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { surveysApi } from '#surveys/api.ts';
import { recordFollowUp } from '#surveys/services/record-follow-up.ts';

tableName('main');
queueUrl('notices');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parsePathParameter(surveysApi.recordFollowUp, 'id', event);
  return jsonResponse(200, await recordFollowUp(id, jsonBody(event), principal));
});
