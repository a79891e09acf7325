import { campaignsApi } from '#campaigns/api.ts';
import { readCampaignView } from '#campaigns/services/read-campaign.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parsePathParameter } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const id = parsePathParameter(campaignsApi.getCampaign, 'id', event);
  return jsonResponse(200, await readCampaignView(id, principal));
});
