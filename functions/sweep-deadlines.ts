import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { tableName } from '#config';
import type { ScheduledInvocation } from '#infra/resources.ts';
import { logger } from '#logger';
import { runNightlyCheck } from '#services/nightly-check.ts';

tableName('main');

/** The nightly check (01:00 Asia/Shanghai): colours, missing deadlines and escalation notices. */
export const handler = middy(async (invocation: ScheduledInvocation) =>
  runNightlyCheck(new Date(invocation.scheduledTime)),
).use(injectLambdaContext(logger, { resetKeys: true }));
