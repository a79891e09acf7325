import { defineFunctions } from '#platform/catalog/definitions.ts';

export const noticesFunctions = defineFunctions('notices', {
  // Reads cases and people; its only writes are its idempotency records.
  'send-notice': {
    description: '发送通知邮件',
    tables: { main: 'read', idempotency: 'read-write' },
    mail: 'send',
    timeoutSeconds: 30,
    memoryMiB: 512,
  },
});
