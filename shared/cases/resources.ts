import { defineFunctions, defineSchedules } from '#platform/catalog/definitions.ts';

/** Reading a case records who saw the complainant's personal data: a put of an access entry, nothing else. */
const readsAndRecordsAccess = { main: { write: ['PutItem'] } } as const;

export const casesFunctions = defineFunctions('cases', {
  'get-case': {
    description: '查看督办事项及其历史',
    tables: readsAndRecordsAccess,
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'act-on-case': {
    description: '办理流程操作',
    tables: { main: 'read-write' },
    // Closing a complaint sends its event to the surveys queue too (the relay fans events out by type).
    queues: { notices: 'send', surveys: 'send' },
    // A rectification problem's application to close out (申请销号) attaches its evidence.
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  // Lists, records and updates transfers (one function for the three routes: the stack is near its 500 resources).
  // Recording is one transaction: the case and its history entry (Put), listing entries (Put, Delete), counters (Update).
  'case-transfers': {
    description: '移交线索：查看、登记、登记办理结果',
    tables: { main: { write: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'list-cases': { description: '督办事项列表', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  'get-my-work': { description: '我的待办', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  'get-access-log': {
    description: '个人信息访问记录',
    tables: { main: 'read' },
    timeoutSeconds: 10,
    memoryMiB: 256,
  },
  'relay-outbox': {
    description: '补发待投递事件',
    tables: { main: { write: ['DeleteItem'] } },
    queues: { notices: 'send', surveys: 'send' },
    timeoutSeconds: 60,
    memoryMiB: 512,
  },
});

export const casesSchedules = defineSchedules({
  'outbox-relay': {
    expression: 'rate(5 minutes)',
    timezone: 'Asia/Shanghai',
    target: 'relay-outbox',
    description: '重发未能及时投递到队列的事件',
  },
});
