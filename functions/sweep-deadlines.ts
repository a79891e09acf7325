import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { tableName } from '#config';
import type { ScheduledInvocation } from '#infra/resources.ts';
import { logger } from '#logger';
import { listOpenCasesDueBefore } from '#persistence/cases.ts';

tableName('main');

/** How far ahead of the run the nightly check looks for deadlines. */
const lookAheadMs = 24 * 3600 * 1000;

/**
 * The nightly check (01:00 Asia/Shanghai). It reads the open cases due within a day through the deadline index.
 * Deadline policies, colours and escalation notices build on this read (see docs/architecture.md).
 */
export const handler = middy(async (invocation: ScheduledInvocation) => {
  const cutoff = new Date(new Date(invocation.scheduledTime).getTime() + lookAheadMs);
  const due = await listOpenCasesDueBefore(cutoff);
  logger.info('nightly check', { scheduledTime: invocation.scheduledTime, due: due.length });
  return { scheduledTime: invocation.scheduledTime, dueCases: due.length };
}).use(injectLambdaContext(logger, { resetKeys: true }));
