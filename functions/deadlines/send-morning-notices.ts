import { runMorningNotices } from '#deadlines/services/morning-notices.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { scheduledHandler } from '#platform/handlers/scheduled.ts';

tableName('main');
queueUrl('notices');

/** 08:30 Asia/Shanghai, every day; it sends only on working days (the calendar knows make-up Saturdays). */
export const handler = scheduledHandler((invocation) => runMorningNotices(new Date(invocation.scheduledTime)));
