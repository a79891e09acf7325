import { campaignsApi } from '#campaigns/api.ts';
import { createCampaign } from '#campaigns/services/create-campaign.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parseBody } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');
queueUrl('notices');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const created = await createCampaign(parseBody(campaignsApi.createCampaign, event), principal);
  return jsonResponse(201, created, { location: `/v1/campaigns/${created.campaign.id}` });
});
