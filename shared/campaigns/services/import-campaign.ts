import type { ImportCampaignRequest } from '#campaigns/domain/requests.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { type CreatedCampaign, establishCampaign } from './establish-campaign.ts';
import { readTable } from './task-tables.ts';

/**
 * `POST /v1/campaigns/import`: a campaign from its task table (seed 003's 任务分解, pasted or as .xlsx) in one step:
 * every row is read and matched first, and a bad row refuses the whole table with a report per row
 * (`establish-campaign.ts`).
 */
export const importCampaign = async (
  request: ImportCampaignRequest,
  principal: Principal,
): Promise<CreatedCampaign> => {
  const { table, ...fields } = request;
  const read = await readTable(table, 'table');
  return establishCampaign({ fields, tasks: read.tasks, problems: read.problems, request }, principal);
};
