/**
 * Weekly progress notes (活动进展情况): who may file them, and what a note is. Pure.
 */
import type { Attachment } from '#intake/domain/attachments.ts';
import type { Principal } from '#platform/domain/principal.ts';
import type { Campaign, CampaignTask } from './campaign.ts';
import type { IsoWeek } from './weeks.ts';

/** A note a department filed on a task for a week. Append-only: a correction is another note. */
export interface ProgressNote {
  readonly id: string;
  readonly campaignId: string;
  readonly week: IsoWeek;
  readonly taskNumber: number;
  readonly caseId: string;
  readonly note: string;
  readonly attachments?: readonly Attachment[];
  readonly filedAt: string;
  readonly filedBy: string;
  /** Filed after the week's due day. */
  readonly late: boolean;
  /** The first note of the task's week: the one that made the week filed. */
  readonly first: boolean;
}

/**
 * Who may file a task's note: its department's staff (its own unit, any role), a lead official above the department,
 * the departments sharing the task, and the campaign's office (dispatchers of the unit that runs it), which records
 * notes handed in on paper.
 */
export const mayFileNote = (principal: Principal, campaign: Campaign, task: CampaignTask): boolean =>
  principal.unitId === task.department.id ||
  task.coDepartments.some((unit) => unit.id === principal.unitId) ||
  (principal.roles.includes('lead') && task.department.path.includes(principal.unitId)) ||
  (principal.roles.includes('dispatcher') && campaign.unitPath.includes(principal.unitId));
