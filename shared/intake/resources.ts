import { defineFunctions } from '#platform/catalog/definitions.ts';

export const intakeFunctions = defineFunctions('intake', {
  // Idempotency-Key claims are items of the main table, written with the case (services/idempotent-intake.ts).
  'submit-complaint': {
    description: '信访件受理登记',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  'submit-public-complaint': {
    description: '网上投诉（公众）',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  // The public rate limit counts requests with an update of a counter item; nothing else is written.
  'track-complaint': {
    description: '投诉进度查询（公众）',
    tables: { main: { write: ['UpdateItem'] } },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Records the pending upload (a put) and counts public requests (an update).
  'create-upload': {
    description: '申请附件上传地址',
    tables: { main: { write: ['PutItem', 'UpdateItem'] } },
    buckets: { attachments: 'presign-upload' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
});
