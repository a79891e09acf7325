import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { queueUrl, tableName } from '#config';
import type { ScheduledInvocation } from '#infra/resources.ts';
import { logger } from '#logger';
import { runMorningNotices } from '#services/morning-notices.ts';

tableName('main');
queueUrl('notices');

/** 08:30 Asia/Shanghai, every day; it sends only on working days (the calendar knows make-up Saturdays). */
export const handler = middy(async (invocation: ScheduledInvocation) =>
  runMorningNotices(new Date(invocation.scheduledTime)),
).use(injectLambdaContext(logger, { resetKeys: true }));
