import type { CreateCampaignRequest } from '#campaigns/domain/requests.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { type CreatedCampaign, establishCampaign } from './establish-campaign.ts';
import { readTable, tasksOfList } from './task-tables.ts';

/**
 * `POST /v1/campaigns`: a campaign with its tasks given as a list or as a task table, created all or nothing
 * (`establish-campaign.ts`).
 */
export const createCampaign = async (
  request: CreateCampaignRequest,
  principal: Principal,
): Promise<CreatedCampaign> => {
  const { tasks, taskTable, ...fields } = request;
  const read = taskTable ? await readTable(taskTable, 'taskTable') : { tasks: tasksOfList(tasks ?? []), problems: [] };
  return establishCampaign({ fields, tasks: read.tasks, problems: read.problems, request }, principal);
};
