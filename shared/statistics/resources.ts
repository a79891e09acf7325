import { defineFunctions } from '#platform/catalog/definitions.ts';

export const statisticsFunctions = defineFunctions('statistics', {
  'get-stats': { description: '统计', tables: { main: 'read' }, timeoutSeconds: 15, memoryMiB: 512 },
  // Stores the reconciliation job (a put; an update when it cannot be queued) and sends it to the reconciliations queue:
  // who may check or repair is decided here, the recount is run-reconciliation's.
  'reconcile-stats': {
    description: '申请核对统计',
    tables: { main: { write: ['PutItem', 'UpdateItem'] } },
    queues: { reconciliations: 'send' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Reads a reconciliation job and what it found.
  'get-reconciliation': {
    description: '查看统计核对任务',
    tables: { main: 'read' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Consumes the reconciliations queue: takes and finishes jobs (updates); scans the whole table (cases and counters)
  // and queries the enforcement counters and records (per unit, per year), then adds to the counters that differ. Up
  // to Lambda's 900 s: at 100k cases the scan alone takes some 30 s, more than API Gateway's 29.
  'run-reconciliation': {
    description: '核对统计（后台）',
    tables: { main: { write: ['UpdateItem'], scan: true } },
    timeoutSeconds: 900,
    memoryMiB: 1024,
  },
  // The statistics as a table file and the progress report: counters only (as get-stats), a small file in the answer.
  'export-stats': { description: '导出统计表', tables: { main: 'read' }, timeoutSeconds: 29, memoryMiB: 1024 },
  'get-progress-report': {
    description: '信访工作进展情况报告',
    tables: { main: 'read' },
    timeoutSeconds: 29,
    memoryMiB: 1024,
  },
  // Stores the job (a put; an update when it cannot be queued) and sends it to the exports queue.
  'request-case-export': {
    description: '申请导出督办事项台账',
    tables: { main: { write: ['PutItem', 'UpdateItem'] } },
    queues: { exports: 'send' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Reads the job and presigns a GET of its file.
  'get-case-export': {
    description: '查看导出任务',
    tables: { main: 'read' },
    buckets: { attachments: 'read-exports' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Consumes the exports queue: takes and finishes jobs (updates), streams the ledger to S3 under exports/. Up to
  // Lambda's 900 s: 100k cases are some 100 pages of reads.
  'export-cases': {
    description: '导出督办事项台账（后台）',
    tables: { main: { write: ['UpdateItem'] } },
    buckets: { attachments: 'write-exports' },
    timeoutSeconds: 900,
    memoryMiB: 1024,
  },
});
