/**
 * A campaign task's record that its case is stored (key: `./keys.ts`, sk `TASK#<number>`). It is never written alone:
 * it goes as a companion into the transaction that stores the task's case (`createNumberedCase` of the cases
 * capability), conditioned on not existing — so the case and this record stand or fall together, and a second attempt
 * at the same task fails instead of storing a second case.
 */
import type { CampaignTask } from '#campaigns/domain/campaign.ts';
import { tableName } from '#platform/config.ts';
import { taskKey } from './keys.ts';

/** How the companion is named when its condition fails: the task's case was stored by an earlier attempt. */
export const taskCompanionLabel = 'campaign-task';

/** The companion Put of a task's record, for the transaction that stores its case. */
export const taskCompanion = (campaignId: string, task: CampaignTask, at: string) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      ...taskKey(campaignId, task.number),
      type: 'campaign-task',
      campaignId,
      number: task.number,
      caseId: task.caseId,
      storedAt: at,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
  label: taskCompanionLabel,
});
