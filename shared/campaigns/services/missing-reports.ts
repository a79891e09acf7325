import type { CellStatus } from '#campaigns/domain/reporting.ts';
import { listCampaignEntries, readCampaignPartition } from '#campaigns/store/campaigns.ts';
import { addDays, bureauDate } from '#platform/domain/time.ts';
import { viewOf } from './read-campaign.ts';

/** A week's report a task has not filed, as of the morning asked about. */
export interface MissingReport {
  readonly campaignId: string;
  readonly campaignName: string;
  readonly taskNumber: number;
  readonly title: string;
  readonly caseId: string;
  readonly departmentName: string;
  readonly week: string;
  readonly dueDate: string;
  readonly status: Extract<CellStatus, 'missing-yellow' | 'missing-red'>;
}

/** The missing reports one official should hear of: those of tasks they are the person or the leader of. */
export interface MissingReportsFor {
  readonly recipient: string;
  readonly items: readonly MissingReport[];
}

/** A campaign over for longer than this no longer asks for its missing reports in the digest. */
const daysAfterEnd = 14;

/**
 * The missing weekly reports of every campaign under way on `at`, by the official to tell: each task's person and
 * leader (when matched to users), for their morning digest (`deadlines/services/morning-notices.ts`). Reads the
 * campaigns' list, then each current campaign's partition and task cases: bounded by the campaigns under way, never a
 * scan.
 */
export const missingReportsOn = async (at: Date): Promise<MissingReportsFor[]> => {
  const today = bureauDate(at);
  const current = (await listCampaignEntries()).filter(
    (entry) => entry.period.from <= today && addDays(entry.period.to, daysAfterEnd) >= today,
  );
  const byRecipient = new Map<string, MissingReport[]>();
  for (const entry of current) {
    const view = await viewOf(await readCampaignPartition(entry.id), at);
    view.tasks.forEach((task, index) => {
      const row = view.grid[index];
      for (const cell of row?.cells ?? []) {
        if (cell.status !== 'missing-yellow' && cell.status !== 'missing-red') continue;
        const item: MissingReport = {
          campaignId: view.id,
          campaignName: view.name,
          taskNumber: task.number,
          title: task.title,
          caseId: task.caseId,
          departmentName: task.department.name,
          week: cell.week,
          dueDate: view.weeks.find((week) => week.week === cell.week)?.dueDate ?? '',
          status: cell.status,
        };
        for (const recipient of new Set([task.person?.username, task.leader?.username])) {
          if (recipient) byRecipient.set(recipient, [...(byRecipient.get(recipient) ?? []), item]);
        }
      }
    });
  }
  return [...byRecipient].map(([recipient, items]) => ({ recipient, items }));
};
