import { ulid } from 'ulid';
import type { Campaign, CampaignTask } from '#campaigns/domain/campaign.ts';
import type { WeekReport } from '#campaigns/domain/grid.ts';
import { mayFileNote, type ProgressNote } from '#campaigns/domain/progress.ts';
import { filedLate, type ReportWeek, reportWeeks } from '#campaigns/domain/reporting.ts';
import type { ProgressNoteRequest } from '#campaigns/domain/requests.ts';
import { parseWeek } from '#campaigns/domain/weeks.ts';
import { CampaignWriteConflictError } from '#campaigns/store/errors.ts';
import { getWeekReport, storeNote } from '#campaigns/store/progress-notes.ts';
import { loadCalendar } from '#deadlines/services/calendar.ts';
import { attachUploads } from '#intake/services/attachments.ts';
import { now } from '#platform/clock.ts';
import { ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate, yearOf } from '#platform/domain/time.ts';
import { readVisibleCampaign } from './read-campaign.ts';

/** A note as filed, and the week's report of the task it made or added to. */
export interface FiledProgress {
  readonly note: ProgressNote;
  readonly report: WeekReport;
}

const taskOf = (campaign: Campaign, request: ProgressNoteRequest): CampaignTask => {
  const task = campaign.tasks.find((each) =>
    request.taskNumber !== undefined ? each.number === request.taskNumber : each.caseId === request.caseId,
  );
  if (task) return task;
  throw new ValidationError([
    request.taskNumber !== undefined
      ? { path: 'taskNumber', message: `本活动没有序号为 ${request.taskNumber} 的任务` }
      : { path: 'caseId', message: '该督办事项不是本活动的任务' },
  ]);
};

/** The campaign's report week `input` names, or a ValidationError naming `week`. */
const weekOf = async (campaign: Campaign, input: string, today: string): Promise<ReportWeek> => {
  const parsed = parseWeek(input);
  if ('problem' in parsed) throw new ValidationError([{ path: 'week', message: parsed.problem }]);
  const years = [yearOf(campaign.period.from), yearOf(campaign.period.to), yearOf(campaign.period.to) + 1];
  const weeks = reportWeeks(campaign.period, campaign.reporting, await loadCalendar(years));
  const week = weeks.find((each) => each.week === parsed.week);
  if (!week) {
    const span = weeks.length > 0 ? `（${weeks[0]?.week} 至 ${weeks.at(-1)?.week}）` : '';
    throw new ValidationError([{ path: 'week', message: `${parsed.week} 不是本活动的报送周${span}` }]);
  }
  if (week.monday > today) throw new ValidationError([{ path: 'week', message: `${week.week} 尚未开始，不能报送` }]);
  return week;
};

/**
 * `POST /v1/campaigns/{id}/progress`: a department's progress note on a task for a week. The week's first note makes
 * the week filed (late when after its due day) and counts in the week's tallies, in the same transaction; later notes
 * of the week add to it. Notes are never changed: a correction is another note.
 *
 * @throws ValidationError for a task, week or attachment the campaign does not have.
 * @throws ForbiddenError unless the caller is of the task's department, a lead above it, or the campaign's office.
 */
export const fileProgressNote = async (
  id: string,
  request: ProgressNoteRequest,
  principal: Principal,
): Promise<FiledProgress> => {
  const campaign = await readVisibleCampaign(id, principal);
  const task = taskOf(campaign, request);
  if (!mayFileNote(principal, campaign, task)) {
    throw new ForbiddenError(`只有${task.department.name}、其上级领导或活动领导小组办公室可以报送该任务的进展`);
  }
  const at = now();
  const today = bureauDate(at);
  const week = await weekOf(campaign, request.week, today);
  const attachments = await attachUploads(request.attachments ?? []);
  const noteId = ulid();
  for (let attempt = 1; ; attempt += 1) {
    const existing = await getWeekReport(campaign.id, week.week, task.number);
    const note: ProgressNote = {
      id: noteId,
      campaignId: campaign.id,
      week: week.week,
      taskNumber: task.number,
      caseId: task.caseId,
      note: request.note,
      ...(attachments.length > 0 ? { attachments } : {}),
      filedAt: at.toISOString(),
      filedBy: principal.username,
      late: filedLate(week, today),
      first: existing === undefined,
    };
    try {
      await storeNote(note, today);
    } catch (error) {
      // Another note of the same task and week landed between the read and the write: read again, once.
      if (error instanceof CampaignWriteConflictError && attempt < 3) continue;
      throw error;
    }
    const report: WeekReport = existing
      ? { ...existing, notes: existing.notes + 1 }
      : {
          week: week.week,
          taskNumber: task.number,
          filedAt: note.filedAt,
          filedOn: today,
          filedBy: note.filedBy,
          late: note.late,
          notes: 1,
        };
    return { note, report };
  }
};
