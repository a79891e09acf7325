import { queues } from '#platform/catalog/catalog.ts';
import type { QueueKey, TableKey } from '#platform/catalog/definitions.ts';
import { tables } from '#platform/catalog/tables.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads a required environment variable. Functions call these getters at module load, so a missing variable fails the
 * cold start rather than a request.
 */
export const requireEnv = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') throw new ConfigError(`Environment variable ${name} is not set`);
  return value;
};

export const tableName = (key: TableKey): string => requireEnv(tables[key].envVar);

export const queueUrl = (key: QueueKey): string => requireEnv(queues[key].envVar);

export const mailFrom = (): string => requireEnv('MAIL_FROM');

/** Optional: the SES configuration set that records deliveries, bounces and complaints. */
export const sesConfigurationSet = (): string | undefined => process.env.SES_CONFIGURATION_SET || undefined;

/** Base URL of the pages that emails link to. */
export const publicBaseUrl = (): string => requireEnv('PUBLIC_BASE_URL');
