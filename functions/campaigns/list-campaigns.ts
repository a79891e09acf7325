import { listCampaigns } from '#campaigns/services/list-campaigns.ts';
import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');

export const handler = httpHandler(async (event) => jsonResponse(200, await listCampaigns(principalFromEvent(event))));
