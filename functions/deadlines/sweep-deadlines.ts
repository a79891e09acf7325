import { runNightlyCheck } from '#deadlines/services/nightly-check.ts';
import { tableName } from '#platform/config.ts';
import { scheduledHandler } from '#platform/handlers/scheduled.ts';

tableName('main');

/** The nightly check (01:00 Asia/Shanghai): colours, missing deadlines and escalation notices. */
export const handler = scheduledHandler((invocation) => runNightlyCheck(new Date(invocation.scheduledTime)));
