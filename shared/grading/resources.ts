import { defineFunctions, defineSchedules } from '#platform/catalog/definitions.ts';

export const gradingFunctions = defineFunctions('grading', {
  'list-grading-schemes': { description: '评分方案列表', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  'get-grading-scheme': { description: '查看评分方案', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  // A new version and the pointer to the version in force, in one transaction.
  'put-grading-scheme': {
    description: '载入评分方案（新版本）',
    tables: { main: { write: ['PutItem'] } },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Evidence: checks the uploads and copies them to the kept prefix, as intake attaches a complaint's photos.
  'create-assessment': {
    description: '新建绩效分级评定',
    tables: { main: { write: ['PutItem'] } },
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  'update-assessment': {
    description: '修改绩效分级评定',
    tables: { main: { write: ['PutItem'] } },
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  'get-assessment': { description: '查看绩效分级评定', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  'list-assessments': { description: '绩效分级评定列表', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  // Publishing writes the assessment with the enterprise's grade and search entries (one transaction).
  'act-on-assessment': {
    description: '提交、审核、退回、发布绩效分级评定（发布 D 级生成帮扶计划，恢复 C 级及以上办结之）',
    // Read-write and the notices queue: publishing opens or closes a help plan, a case with its number and events.
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  // A help plan whose second step did not happen (a crash after the grade was published): its case stored or closed.
  'settle-help-plans': {
    description: '补全未完成的帮扶计划',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    timeoutSeconds: 120,
    memoryMiB: 512,
  },
});

export const gradingSchedules = defineSchedules({
  'help-plan-settle': {
    expression: 'rate(15 minutes)',
    timezone: 'Asia/Shanghai',
    target: 'settle-help-plans',
    description: '补全发布评级后未完成的帮扶计划（生成或办结其事项）',
  },
});
