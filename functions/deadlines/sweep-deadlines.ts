import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { runNightlyCheck } from '#deadlines/services/nightly-check.ts';
import type { ScheduledInvocation } from '#platform/catalog/catalog.ts';
import { tableName } from '#platform/config.ts';
import { logger } from '#platform/logger.ts';

tableName('main');

/** The nightly check (01:00 Asia/Shanghai): colours, missing deadlines and escalation notices. */
export const handler = middy(async (invocation: ScheduledInvocation) =>
  runNightlyCheck(new Date(invocation.scheduledTime)),
).use(injectLambdaContext(logger, { resetKeys: true }));
