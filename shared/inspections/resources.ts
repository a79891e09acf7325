import { defineFunctions } from '#platform/catalog/definitions.ts';

/**
 * Four functions for fourteen routes: each function costs about four CloudFormation resources, so routes of one
 * concern share one (the route key picks the service).
 */
export const inspectionsFunctions = defineFunctions('inspections', {
  // Plans and the inspector pool: small puts and queries.
  'inspection-plans': {
    description: '抽查计划与执法人员库',
    tables: { main: 'read-write' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Reads the whole register through its index (2,000 firms: 2 index pages, 20 BatchGets) and the firms' last
  // inspections, draws, and stores the draw with its snapshot and the plan's claim in one transaction.
  draws: {
    description: '随机抽取（双随机）与核验',
    tables: { main: 'read-write' },
    timeoutSeconds: 29,
    memoryMiB: 1024,
  },
  // Inspections (evidence copied out of the uploads; a finding's rectification problem is a case, whose event goes to
  // the notices queue) and enforcement cases with their figures.
  'inspection-records': {
    description: '检查记录与执法案件',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 29,
    memoryMiB: 1024,
  },
  // Public: the period's draws and results; the rate limit is an update of a counter item, nothing else is written.
  'public-inspections': {
    description: '双随机抽查结果公开（公众）',
    tables: { main: { write: ['UpdateItem'] } },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
});
