import type { TableDefinition, TableKey } from './definitions.ts';

/** One single-table design for every capability, and the Powertools idempotency records. */
export const tables: Readonly<Record<TableKey, TableDefinition>> = {
  main: {
    key: 'main',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [
      {
        name: 'gsi1',
        partitionKey: { name: 'gsi1pk', type: 'S' },
        sortKey: { name: 'gsi1sk', type: 'S' },
        serves:
          'lists by owner: cases of a unit by received time; users by role; pending outbox entries by age; ' +
          'years entered into the working calendar',
      },
      {
        name: 'gsi2',
        partitionKey: { name: 'gsi2pk', type: 'S' },
        sortKey: { name: 'gsi2sk', type: 'S' },
        serves:
          'open cases by next deadline (sparse: only open cases carry it), read by the nightly check; the cases ' +
          'behind each colour of a unit’s ledger (on the scope entries of the units holding a case); surveys by due time',
      },
    ],
    timeToLiveAttribute: 'expiresAt',
    envVar: 'TABLE_NAME',
  },
  idempotency: {
    key: 'idempotency',
    partitionKey: { name: 'id', type: 'S' },
    indexes: [],
    timeToLiveAttribute: 'expiration',
    envVar: 'IDEMPOTENCY_TABLE_NAME',
  },
};
