import { defineFunctions } from '#platform/catalog/definitions.ts';

export const campaignsFunctions = defineFunctions('campaigns', {
  // Stores the campaign, then each task's case (through the cases capability: case, history, listing entries, counters,
  // outbox) with its task record, then marks it ready; relays the tasks' events; attaches the plan's file. A campaign
  // of 200 tasks stores 200 cases one after another: 29 s, the API's limit, leaves room (a retry completes one cut off).
  'create-campaign': {
    description: '创建专项行动',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 29,
    memoryMiB: 1024,
  },
  'import-campaign': {
    description: '导入任务分解表创建专项行动',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 29,
    memoryMiB: 1024,
  },
  'list-campaigns': { description: '专项行动列表', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  // Reads the campaign's partition and each task's case.
  'get-campaign': { description: '查看专项行动', tables: { main: 'read' }, timeoutSeconds: 15, memoryMiB: 512 },
  'list-campaign-progress': {
    description: '专项行动每周进展情况',
    tables: { main: 'read' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // One transaction: the note (a put), the week's report (a put, or an update adding a note) and its counters (update).
  'file-campaign-progress': {
    description: '报送专项行动任务进展',
    tables: { main: { write: ['PutItem', 'UpdateItem'] } },
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
});
