import { defineFunctions } from '#platform/catalog/definitions.ts';

export const ledgerFunctions = defineFunctions('ledger', {
  'get-ledger': { description: '四色管理台账', tables: { main: 'read' }, timeoutSeconds: 30, memoryMiB: 1024 },
});
