/**
 * A campaign (专项行动, e.g. seed 003's Liyang plan): a name, its plan, phases with dates, a leading group, and numbered
 * tasks — each a case of kind `task` with a responsible department, leader and person — reported on weekly. Pure: the
 * clock, the ids, the policies and calendar are inputs.
 */
import type { Case, CaseEvent, CaseState, HistoryEntry } from '#cases/domain/case.ts';
import { applyTimeLimits, type TimeContext } from '#deadlines/domain/deadlines.ts';
import { scopeOf } from '#directory/domain/scope.ts';
import type { Attachment } from '#intake/domain/attachments.ts';
import type { OfficialRole } from '#platform/domain/principal.ts';
import type { MatchedTask, PersonRef } from './matching.ts';
import type { ReportingPolicy } from './reporting.ts';

export type { PersonRef } from './matching.ts';

/** A phase of the plan: 动员部署, 重点推进, 总结提高 … with its first and last day. */
export interface Phase {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/** The leading group (活动领导小组): 组长, 副组长 and members, and where its office sits. */
export interface LeadingGroup {
  readonly leaders: readonly PersonRef[];
  readonly deputies: readonly PersonRef[];
  readonly members: readonly PersonRef[];
  readonly office?: string;
}

/** The plan document: its text, an attached file, or both. */
export interface CampaignPlan {
  readonly text?: string;
  readonly attachment?: Attachment;
}

/** A task of the campaign: the matched row, and the case that carries it (its id planned before the case exists). */
export interface CampaignTask extends MatchedTask {
  readonly caseId: string;
}

/**
 * `creating` while its tasks' cases are being stored (nobody sees it yet), `ready` once every one is: see
 * `services/establish-campaign.ts` for why.
 */
export type CampaignStatus = 'creating' | 'ready';

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly status: CampaignStatus;
  readonly plan?: CampaignPlan;
  readonly phases: readonly Phase[];
  /** From the first phase's first day to the last phase's last day. */
  readonly period: { readonly from: string; readonly to: string };
  readonly leadingGroup: LeadingGroup;
  readonly reporting: ReportingPolicy;
  /** The unit that runs the campaign (the creator's office) and its path: its tasks' cases are owned there. */
  readonly unitId: string;
  readonly unitPath: readonly string[];
  /** Units whose users may see the campaign: the owning unit's path and every task department's path. */
  readonly scopeUnitIds: readonly string[];
  readonly tasks: readonly CampaignTask[];
  readonly createdAt: string;
  readonly createdBy: string;
  /** The hash of the request that created it: a retry of the same request completes it, another is refused. */
  readonly requestHash: string;
  readonly readyAt?: string;
}

/** The first and last day of the phases. */
export const periodOf = (phases: readonly Phase[]): { from: string; to: string } => ({
  from: phases.map((phase) => phase.from).reduce((a, b) => (a < b ? a : b)),
  to: phases.map((phase) => phase.to).reduce((a, b) => (a > b ? a : b)),
});

/** The scope of a campaign: its owning unit's path and its departments' paths (those sharing a task too). */
export const campaignScope = (unitPath: readonly string[], tasks: readonly MatchedTask[]): string[] =>
  scopeOf(unitPath, ...tasks.flatMap((task) => [task.department.path, ...task.coDepartments.map((unit) => unit.path)]));

/** The phase `date` falls in, if any. */
export const currentPhaseOf = (phases: readonly Phase[], date: string): Phase | undefined =>
  phases.find((phase) => phase.from <= date && date <= phase.to);

/** What a task's case records of its campaign in its first history entry (the case has no field of its own for it). */
const registrationChanges = (campaign: Campaign, task: CampaignTask) => ({
  campaignId: campaign.id,
  campaignName: campaign.name,
  taskNumber: task.number,
  title: task.title,
  departmentId: task.department.id,
  departmentName: task.department.name,
  ...(task.coDepartments.length > 0 ? { coDepartments: task.coDepartments.map((unit) => unit.name) } : {}),
  ...(task.leader ? { leader: task.leader.name } : {}),
  ...(task.person ? { person: task.person.name } : {}),
  ...(task.remark ? { remark: task.remark } : {}),
});

export interface TaskCase {
  /** The case without its number: the store takes the number with the transaction. */
  readonly case: Omit<Case, 'number'>;
  readonly history: HistoryEntry;
  readonly event: CaseEvent;
}

/**
 * The case of a campaign task, as the creator registers it: a task comes from the plan, so it starts confirmed — and
 * assigned at once when its person and leader fit the workflow's assignment (`MatchedTask.assignable`); else it waits
 * as `accepted` for the office to assign it. Its deadlines come from the time-limit policies like any case's.
 */
export const taskCase = (input: {
  readonly campaign: Campaign;
  readonly task: CampaignTask;
  readonly creator: { readonly username: string; readonly role: OfficialRole };
  readonly now: Date;
  readonly time: TimeContext;
  readonly eventId: string;
}): TaskCase => {
  const { campaign, task, creator, now, time } = input;
  const at = now.toISOString();
  const leadUsername = task.leader?.username;
  const responsibleUsername = task.person?.username;
  const assigned = task.assignable && leadUsername !== undefined && responsibleUsername !== undefined;
  const state: CaseState = assigned ? 'assigned' : 'accepted';
  const draft: Omit<Case, 'number'> = {
    id: task.caseId,
    kind: 'task',
    state,
    version: 1,
    unitId: campaign.unitId,
    unitPath: campaign.unitPath,
    receivedAt: at,
    createdAt: at,
    updatedAt: at,
    createdBy: creator.username,
    historyLength: 1,
    returnCount: 0,
    extensions: [],
    mergedCases: [],
    ...(assigned
      ? {
          assignment: {
            departmentId: task.department.id,
            departmentPath: task.department.path,
            responsibleUsername,
            leadUsername,
            assignedAt: at,
            assignedBy: creator.username,
          },
        }
      : {}),
  };
  const timed = applyTimeLimits(undefined, draft as Case, now, time);
  return {
    case: timed as Omit<Case, 'number'>,
    history: {
      caseId: task.caseId,
      sequence: 1,
      at,
      actor: creator.username,
      role: creator.role,
      action: 'register',
      fromState: null,
      toState: state,
      reason: `专项行动“${campaign.name}”任务 ${task.number}：${task.title}`,
      changes: {
        ...registrationChanges(campaign, task),
        ...(assigned ? { responsibleUsername, leadUsername } : {}),
      },
    },
    event: {
      id: input.eventId,
      type: assigned ? 'case-assigned' : 'case-accepted',
      caseId: task.caseId,
      occurredAt: at,
      sequence: 1,
    },
  };
};
