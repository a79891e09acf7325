/**
 * Creating a campaign with its N tasks, all or nothing — although the cases capability stores one case per
 * transaction (`createNumberedCase`: it takes the case's number just before its transaction, so N cases cannot share
 * one).
 *
 * 1. Everything is checked before anything is written: the table's rows, every department matched to a unit (a row
 *    that fails refuses the whole request with a report per row), the plan's file. Nothing is stored on a refusal.
 * 2. The campaign is stored `creating`, with its whole plan — every task with the id its case will have (ids planned
 *    now) — together with the claim of its name in its unit. Nobody sees a `creating` campaign: the list shows only
 *    ready ones, and reading it answers 404.
 * 3. Each task's case is stored with `createNumberedCase`, and in that same transaction a task record of the campaign
 *    (`TASK#<number>`, conditioned on not existing): the case and its record stand or fall together.
 * 4. Once every task has its record, one transaction marks the campaign `ready` and lists it.
 *
 * A crash or timeout between 2 and 4 leaves a campaign nobody sees and some of its tasks' cases stored (each a real
 * case, naming its campaign and number in its first history entry). The retry — the same request again, which a
 * client does after an error or a timeout — finds the campaign by its name's claim, sees it was the same request (its
 * hash), and completes it from its stored plan: tasks with a record are skipped, the others stored with the ids
 * planned in step 2, so no task is stored twice whoever retries or races. A different request under the same name is
 * refused (409) while the first is incomplete or complete. The events of tasks stored by an attempt that died are in
 * the outbox and go out with the outbox relay.
 */
import { ulid } from 'ulid';
import type { Campaign, CampaignTask, LeadingGroup } from '#campaigns/domain/campaign.ts';
import { campaignScope, periodOf, taskCase } from '#campaigns/domain/campaign.ts';
import { type Directory, matchPeople, matchTasks, type RowReport } from '#campaigns/domain/matching.ts';
import { defaultReportingPolicy } from '#campaigns/domain/reporting.ts';
import type { CreateCampaignRequest } from '#campaigns/domain/requests.ts';
import { fillDown, type TaskInput } from '#campaigns/domain/task-table.ts';
import type { CampaignView } from '#campaigns/domain/view.ts';
import { taskCompanion } from '#campaigns/store/campaign-tasks.ts';
import {
  getCampaign,
  getNameClaim,
  markCampaignReady,
  startCampaign,
  storedTaskNumbers,
} from '#campaigns/store/campaigns.ts';
import { CampaignNameTakenError } from '#campaigns/store/errors.ts';
import { storePlannedCases } from '#cases/services/planned-cases.ts';
import { relayNow } from '#cases/services/relay-events.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { listColleagues } from '#directory/services/list-colleagues.ts';
import { listUnitsInScope } from '#directory/services/list-units.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import { attachUploads } from '#intake/services/attachments.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { logger } from '#platform/logger.ts';
import { countMetric } from '#platform/metrics.ts';
import { requestHash } from '#platform/request-hash.ts';
import { readCampaignView } from './read-campaign.ts';

/** The role that creates campaigns: their tasks are cases the office registers and assigns (`petition-office`). */
const creatorRole = 'dispatcher';

/** A campaign as created: the campaign page, and what each row of its tasks should tell the caller. */
export interface CreatedCampaign {
  readonly campaign: CampaignView;
  readonly report: readonly RowReport[];
}

/** What a campaign is made from: the request's campaign fields, its tasks read (with their problems so far). */
export interface CampaignDraft {
  readonly fields: Omit<CreateCampaignRequest, 'tasks' | 'taskTable'>;
  readonly tasks: readonly TaskInput[];
  readonly problems: readonly FieldProblem[];
  /** The request as received, hashed: a retry of it completes the campaign it started. */
  readonly request: unknown;
}

/** Problems in the order of the rows they name (`table.7.department` before `table.12.number`). */
const byRow = (problems: readonly FieldProblem[]): FieldProblem[] => {
  const position = (path: string) => Number(/^(?:table|taskTable|tasks)\.(\d+)/.exec(path)?.[1] ?? -1);
  return problems.toSorted((a, b) => position(a.path) - position(b.path));
};

/**
 * Stores the cases of the tasks that have none yet, then marks the campaign ready (step 3 and 4 above). Safe to run
 * again, and at the same time as another run: a task stored by the other run is found by its record.
 */
export const completeCampaign = async (campaign: Campaign): Promise<void> => {
  // One at a time, in task order: task numbers and case numbers then rise together.
  const { events } = await storePlannedCases(
    campaign.tasks.map((task) => ({
      key: task.number,
      build: (at, time) =>
        taskCase({
          campaign,
          task,
          creator: { username: campaign.createdBy, role: creatorRole },
          now: at,
          time,
          eventId: ulid(),
        }),
      companion: (at) => taskCompanion(campaign.id, task, at),
    })),
    () => storedTaskNumbers(campaign.id),
  );
  if (await markCampaignReady(campaign, now().toISOString())) {
    countMetric('CampaignCreated', ['unit', campaign.unitId]);
    logger.info('campaign ready', { campaignId: campaign.id, tasks: campaign.tasks.length, storedNow: events.length });
  }
  if (events.length > 0) await relayNow(events);
};

/**
 * The campaign a name's claim holds, when it was made by the same request: completed if it is not yet, and read.
 * Another request under the name is refused.
 */
const resume = async (campaignId: string, requestHash: string, principal: Principal, name: string) => {
  const campaign = await getCampaign(campaignId);
  if (campaign.requestHash !== requestHash) {
    throw new CampaignNameTakenError(
      campaignId,
      campaign.status === 'ready'
        ? `本单位已有名为“${name}”的专项行动`
        : `名为“${name}”的专项行动上次未创建完成：请以完全相同的内容重试，以完成创建`,
    );
  }
  if (campaign.status === 'creating') await completeCampaign(campaign);
  return readCampaignView(campaign.id, principal);
};

/**
 * Checks, matches and stores a campaign with its tasks (see the top of this file): a refusal names every bad row, and
 * stores nothing; a retry of the same request completes and answers the campaign the first attempt started.
 *
 * @throws ForbiddenError unless the caller is a dispatcher (the office that registers and assigns tasks).
 * @throws ValidationError naming each bad row (`table.<line>.department`, `tasks.<index>.number` …).
 * @throws CampaignNameTakenError (409) when the unit has another campaign of the name.
 */
export const establishCampaign = async (draft: CampaignDraft, principal: Principal): Promise<CreatedCampaign> => {
  requireRole(principal, [creatorRole], '只有信访办（活动领导小组办公室）可以创建专项行动');
  const { fields } = draft;
  const filled = fillDown(draft.tasks);
  const [unit, units, users, claimed] = await Promise.all([
    getOrgUnit(principal.unitId),
    listUnitsInScope(principal),
    listColleagues({}, principal),
    getNameClaim(principal.unitId, fields.name),
  ]);
  const directory: Directory = { units, users, ...(fields.departments ? { aliases: fields.departments } : {}) };
  const matched = matchTasks(filled.rows, directory);
  const problems = byRow([...draft.problems, ...filled.problems, ...matched.problems]);
  if (problems.length > 0) throw new ValidationError(problems);

  const hash = requestHash({ unitId: unit.id, request: draft.request });
  if (claimed) return { campaign: await resume(claimed, hash, principal, fields.name), report: matched.reports };

  const attachment = fields.plan?.attachmentId
    ? await attachUploads([{ attachmentId: fields.plan.attachmentId }]).catch((error: unknown) => {
        if (!(error instanceof ValidationError)) throw error;
        throw new ValidationError(error.errors.map((problem) => ({ ...problem, path: 'plan.attachmentId' })));
      })
    : [];
  const group = fields.leadingGroup;
  const leadingGroup: LeadingGroup = {
    leaders: matchPeople(group?.leaders ?? [], users),
    deputies: matchPeople(group?.deputies ?? [], users),
    members: matchPeople(group?.members ?? [], users),
    ...(group?.office ? { office: group.office } : {}),
  };
  const tasks: CampaignTask[] = matched.tasks.map((task) => ({ ...task, caseId: ulid() }));
  const campaign: Campaign = {
    id: ulid(),
    name: fields.name,
    status: 'creating',
    ...(fields.plan
      ? {
          plan: {
            ...(fields.plan.text ? { text: fields.plan.text } : {}),
            ...(attachment[0] ? { attachment: attachment[0] } : {}),
          },
        }
      : {}),
    phases: fields.phases,
    period: periodOf(fields.phases),
    leadingGroup,
    reporting: fields.reporting ?? defaultReportingPolicy,
    unitId: unit.id,
    unitPath: unit.path,
    scopeUnitIds: campaignScope(unit.path, tasks),
    tasks,
    createdAt: now().toISOString(),
    createdBy: principal.username,
    requestHash: hash,
  };
  try {
    await startCampaign(campaign);
  } catch (error) {
    // A retry racing this request claimed the name first: answer as that retry will.
    if (!(error instanceof CampaignNameTakenError) || !error.campaignId) throw error;
    return { campaign: await resume(error.campaignId, hash, principal, fields.name), report: matched.reports };
  }
  await completeCampaign(campaign);
  return { campaign: await readCampaignView(campaign.id, principal), report: matched.reports };
};
