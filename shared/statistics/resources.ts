import { defineFunctions } from '#platform/catalog/definitions.ts';

export const statisticsFunctions = defineFunctions('statistics', {
  'get-stats': { description: '统计', tables: { main: 'read' }, timeoutSeconds: 15, memoryMiB: 512 },
  // Scans the whole table (cases and counters), then adds to the counters that differ and records the reconciliation.
  'reconcile-stats': {
    description: '核对统计',
    tables: { main: { write: ['UpdateItem', 'PutItem'], scan: true } },
    timeoutSeconds: 29,
    memoryMiB: 1024,
  },
});
