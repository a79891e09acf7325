import type { ProgressNote } from '#campaigns/domain/progress.ts';
import type { ProgressQuery } from '#campaigns/domain/requests.ts';
import { parseWeek } from '#campaigns/domain/weeks.ts';
import { listNotes } from '#campaigns/store/progress-notes.ts';
import { ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { readVisibleCampaign } from './read-campaign.ts';

export interface ProgressList {
  readonly items: readonly ProgressNote[];
}

/** `GET /v1/campaigns/{id}/progress`: the campaign's progress notes — of a week, of a task — by week, task and time. */
export const listProgress = async (id: string, query: ProgressQuery, principal: Principal): Promise<ProgressList> => {
  const campaign = await readVisibleCampaign(id, principal);
  let week: string | undefined;
  if (query.week !== undefined) {
    const parsed = parseWeek(query.week);
    if ('problem' in parsed) throw new ValidationError([{ path: 'week', message: parsed.problem }]);
    week = parsed.week;
  }
  const items = await listNotes(campaign.id, {
    ...(week ? { week } : {}),
    ...(query.taskNumber !== undefined ? { taskNumber: query.taskNumber } : {}),
  });
  return { items };
};
