import { defineFunctions, defineSchedules } from '#platform/catalog/definitions.ts';

export const deadlinesFunctions = defineFunctions('deadlines', {
  'sweep-deadlines': {
    description: '夜间时限检查',
    tables: { main: 'read-write' },
    timeoutSeconds: 300,
    memoryMiB: 1024,
  },
  'send-morning-notices': {
    description: '早间通知与日报',
    tables: { main: { write: ['UpdateItem'] } },
    queues: { notices: 'send' },
    timeoutSeconds: 300,
    memoryMiB: 1024,
  },
  'get-time-limit-policies': {
    description: '查看办理时限规则',
    tables: { main: 'read' },
    timeoutSeconds: 10,
    memoryMiB: 256,
  },
  'put-time-limit-policies': {
    description: '修改办理时限规则（新版本）',
    tables: { main: { write: ['PutItem'] } },
    timeoutSeconds: 10,
    memoryMiB: 256,
  },
  'get-calendar-year': {
    description: '查看工作日历（某年的节假日与调休上班日）',
    tables: { main: 'read' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'put-calendar-year': {
    description: '录入工作日历（国务院节假日安排通知）',
    tables: { main: { write: ['PutItem'] } },
    // It reads the index of every open case, to list those flagged for the year (services/enter-calendar-year.ts).
    timeoutSeconds: 30,
    memoryMiB: 512,
  },
});

export const deadlinesSchedules = defineSchedules({
  'nightly-check': {
    expression: 'cron(0 1 * * ? *)',
    timezone: 'Asia/Shanghai',
    target: 'sweep-deadlines',
    description: '每晚 01:00 检查办理时限与色标',
  },
  'morning-notices': {
    // Every day: the function itself skips days the holiday calendar says are not working days.
    expression: 'cron(30 8 * * ? *)',
    timezone: 'Asia/Shanghai',
    target: 'send-morning-notices',
    description: '工作日 08:30 发送临期、超期、催办、督办通知和日报',
  },
});
