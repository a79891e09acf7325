import { defineFunctions } from '#platform/catalog/definitions.ts';

export const rectificationFunctions = defineFunctions('rectification', {
  // One transaction: the problem's case (with history, listing entries, counters, outbox) and, for a problem from a
  // complaint, the complaint naming it back; then the event is relayed.
  'create-rectification-problem': {
    description: '登记整改问题',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  // Stores the import, then each row's case with its row record, one after another (200 rows within 29 s; a retry
  // completes one cut off), reading an .xlsx upload in memory.
  'import-rectification-ledger': {
    description: '导入整改台账',
    tables: { main: 'read-write' },
    queues: { notices: 'send' },
    timeoutSeconds: 29,
    memoryMiB: 1024,
  },
  'list-rectification-problems': {
    description: '整改问题台账',
    tables: { main: 'read' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Reads the listing entries, then each problem's case, and writes the workbook in memory.
  'export-rectification-ledger': {
    description: '导出整改台账',
    tables: { main: 'read' },
    timeoutSeconds: 29,
    memoryMiB: 1024,
  },
  'list-rectification-look-backs': {
    description: '到期的回头看',
    tables: { main: 'read' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
});
