import { Logger } from '@aws-lambda-powertools/logger';

type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | 'CRITICAL';
const levels: readonly string[] = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'];
const configured = (process.env.LOG_LEVEL ?? process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN').toUpperCase();

/**
 * The local runtime's own log (pollers, scheduler, server), JSON like the functions' logs. Its level is set here, not
 * read from POWERTOOLS_LOG_LEVEL at import: `start.ts` sets that variable only after its imports have run.
 */
export const localLog = new Logger({
  serviceName: 'greenline-local',
  logLevel: (levels.includes(configured) ? configured : 'WARN') as Level,
});
