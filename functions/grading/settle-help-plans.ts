import { settleUnsettledHelpPlans } from '#grading/services/help-plans.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { scheduledHandler } from '#platform/handlers/scheduled.ts';
import { logger } from '#platform/logger.ts';

tableName('main');
queueUrl('notices');

/** Plans changed more recently than this may still be settled by the request that changed them. */
const graceMs = 60_000;

export const handler = scheduledHandler(async (invocation) => {
  const report = await settleUnsettledHelpPlans(new Date(new Date(invocation.scheduledTime).getTime() - graceMs));
  if (report.found > 0) logger.info('help plans settled', { ...report });
  // Failing the run makes the scheduler retry it, then dead-letter it, which raises the schedules' alarm.
  if (report.failed.length > 0)
    throw new Error(`${report.failed.length} 个帮扶计划未能补全：${report.failed.join('、')}`);
  return report;
});
