import type { Campaign } from '#campaigns/domain/campaign.ts';
import { type CampaignView, campaignView, type TaskCaseState } from '#campaigns/domain/view.ts';
import { type CampaignPartition, getCampaign, readCampaignPartition } from '#campaigns/store/campaigns.ts';
import { CampaignNotFoundError } from '#campaigns/store/errors.ts';
import type { Case } from '#cases/domain/case.ts';
import { summarise } from '#cases/domain/case-summary.ts';
import { CaseNotFoundError, getCase } from '#cases/services/records.ts';
import { loadCalendar } from '#deadlines/services/calendar.ts';
import { isInScope } from '#directory/domain/scope.ts';
import { now } from '#platform/clock.ts';
import { ForbiddenError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauYear, yearOf } from '#platform/domain/time.ts';

const caseState = (item: Case): TaskCaseState => {
  const summary = summarise(item);
  return {
    number: item.number,
    state: item.state,
    createdAt: item.createdAt,
    ...(item.colour ? { colour: item.colour } : {}),
    ...(summary.dueAt ? { dueAt: summary.dueAt } : {}),
    ...(summary.finishedAt ? { finishedAt: summary.finishedAt } : {}),
    ...(item.late ? { late: true } : {}),
  };
};

/** The task cases of a campaign, by case id: one read each, as many as the campaign has tasks. */
const readTaskCases = async (campaign: Campaign): Promise<Map<string, TaskCaseState>> => {
  const cases = await Promise.all(
    campaign.tasks.map((task) =>
      getCase(task.caseId).catch((error: unknown) => {
        if (error instanceof CaseNotFoundError) return undefined;
        throw error;
      }),
    ),
  );
  return new Map(cases.flatMap((item) => (item ? [[item.id, caseState(item)] as const] : [])));
};

/** The calendar years a campaign's report weeks can reach: its period's, the year after its end (red days), today's. */
const yearsOf = (campaign: Campaign, at: Date): number[] => {
  const years = new Set([yearOf(campaign.period.to) + 1, bureauYear(at)]);
  for (let year = yearOf(campaign.period.from); year <= yearOf(campaign.period.to); year += 1) years.add(year);
  return [...years];
};

/** The page of a campaign read from its partition, on `at`. */
export const viewOf = async (partition: CampaignPartition, at: Date): Promise<CampaignView> => {
  const { campaign } = partition;
  const [cases, calendar] = await Promise.all([readTaskCases(campaign), loadCalendar(yearsOf(campaign, at))]);
  return campaignView({
    campaign,
    cases,
    reports: partition.reports,
    tallies: partition.tallies,
    now: at,
    calendar,
  });
};

/** Refuses a campaign still being created (nobody sees it) or outside the caller's scope. */
const checkVisible = (campaign: Campaign, principal: Principal): void => {
  if (campaign.status !== 'ready') throw new CampaignNotFoundError(`专项行动 ${campaign.id} 不存在`);
  if (!isInScope(campaign.scopeUnitIds, principal)) throw new ForbiddenError('该专项行动不在您所在单位的管辖范围内');
};

/**
 * The ready campaign `id` (the campaign item alone), if the caller's unit is in its scope.
 *
 * @throws CampaignNotFoundError when there is none (or it is still being created).
 * @throws ForbiddenError when the caller's unit is outside its scope.
 */
export const readVisibleCampaign = async (id: string, principal: Principal): Promise<Campaign> => {
  const campaign = await getCampaign(id);
  checkVisible(campaign, principal);
  return campaign;
};

/**
 * The ready campaign `id`, if the caller's unit is in its scope (its office's path, or a task department's).
 *
 * @throws CampaignNotFoundError when there is none (or it is still being created).
 * @throws ForbiddenError when the caller's unit is outside its scope.
 */
export const readReadyCampaign = async (id: string, principal: Principal): Promise<CampaignPartition> => {
  const partition = await readCampaignPartition(id);
  checkVisible(partition.campaign, principal);
  return partition;
};

/**
 * `GET /v1/campaigns/{id}`: phases, tasks with their cases' state and colour and their weekly report status, the
 * tasks × weeks grid, and the figures. Reads the campaign's partition and its tasks' cases: bounded by the campaign.
 */
export const readCampaignView = async (id: string, principal: Principal): Promise<CampaignView> =>
  viewOf(await readReadyCampaign(id, principal), now());
