import type { QueueDefinition, QueueKey } from './definitions.ts';

export const queueDefinitions: Readonly<Record<QueueKey, QueueDefinition>> = {
  notices: {
    key: 'notices',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    retentionDays: 14,
    consumer: 'send-notice',
    batchSize: 10,
    envVar: 'NOTICES_QUEUE_URL',
  },
};
