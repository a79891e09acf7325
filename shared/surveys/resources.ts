import { defineFunctions, defineSchedules } from '#platform/catalog/definitions.ts';

/** Public survey reads count requests against the rate limit (an update) and write nothing else. */
const countsRequests = { main: { write: ['UpdateItem'] } } as const;

export const surveysFunctions = defineFunctions('surveys', {
  // Consumes the surveys queue: stores each survey (a transaction with its counters) and emails its invitation once.
  'create-surveys': {
    description: '办结后创建回访',
    tables: { main: 'read-write', idempotency: 'read-write' },
    mail: 'send',
    timeoutSeconds: 60,
    memoryMiB: 512,
  },
  'sweep-surveys': {
    description: '回访提醒与逾期',
    tables: { main: 'read-write', idempotency: 'read-write' },
    mail: 'send',
    timeoutSeconds: 300,
    memoryMiB: 512,
  },
  'get-survey': { description: '评价页（公众）', tables: countsRequests, timeoutSeconds: 10, memoryMiB: 512 },
  // A dissatisfied answer asks for a review: the case's transaction, and its event to the notices queue.
  'answer-survey': {
    description: '提交评价（公众）',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  'get-survey-summary': { description: '回访统计', tables: { main: 'read' }, timeoutSeconds: 15, memoryMiB: 512 },
  'list-follow-ups': { description: '电话回访清单', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  'record-follow-up': {
    description: '记录电话回访结果',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  // Shows the number and records that it was shown: a put of an access entry, nothing else.
  'reveal-follow-up-contact': {
    description: '查看回访对象电话',
    tables: { main: { write: ['PutItem'] } },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'list-case-surveys': { description: '事项的回访', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  'invalidate-survey': {
    description: '判定评价无效',
    tables: { main: { write: ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'] } },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'get-survey-settings': { description: '查看回访设置', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 256 },
  'put-survey-settings': {
    description: '修改回访设置',
    tables: { main: { write: ['PutItem'] } },
    timeoutSeconds: 10,
    memoryMiB: 256,
  },
});

export const surveysSchedules = defineSchedules({
  'survey-sweep': {
    expression: 'cron(0 9 * * ? *)',
    timezone: 'Asia/Shanghai',
    target: 'sweep-surveys',
    description: '每天 09:00 发送回访提醒，并将逾期未评价的回访计为未评价',
  },
});
