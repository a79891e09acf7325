import type { BucketDefinition, BucketKey } from './definitions.ts';

/**
 * Photos, recordings and documents attached to complaints, by the public (web form) and by officials; and the files
 * exported for officials (kept a week, as the export jobs are).
 */
export const buckets: Readonly<Record<BucketKey, BucketDefinition>> = {
  attachments: {
    key: 'attachments',
    envVar: 'ATTACHMENTS_BUCKET',
    uploadPrefix: 'uploads/',
    keptPrefix: 'attachments/',
    uploadExpiryDays: 2,
    exportPrefix: 'exports/',
    exportExpiryDays: 7,
  },
};
