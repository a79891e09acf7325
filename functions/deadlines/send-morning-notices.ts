import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { runMorningNotices } from '#deadlines/services/morning-notices.ts';
import type { ScheduledInvocation } from '#platform/catalog/catalog.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { logger } from '#platform/logger.ts';

tableName('main');
queueUrl('notices');

/** 08:30 Asia/Shanghai, every day; it sends only on working days (the calendar knows make-up Saturdays). */
export const handler = middy(async (invocation: ScheduledInvocation) =>
  runMorningNotices(new Date(invocation.scheduledTime)),
).use(injectLambdaContext(logger, { resetKeys: true }));
