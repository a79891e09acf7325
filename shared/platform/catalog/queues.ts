import type { QueueDefinition, QueueKey } from './definitions.ts';

export const queueDefinitions: Readonly<Record<QueueKey, QueueDefinition>> = {
  notices: {
    key: 'notices',
    // How the figures line up, so that a notice whose email went out is never sent again and one whose email did not
    // is sent exactly once: send-notice's idempotency record of an email stays in progress for what is left of the
    // invocation (≤ its 30 s timeout). A redelivery must come after that window, or it fails on the record and spends
    // one of the 5 receives: here after 180 s (six times the timeout, as AWS advises for Lambda), locally after the
    // timeout (local/queue-poller.ts). A worker that dies mid-batch costs its messages the receive it died in and at
    // most one more (a delivery that came early, e.g. an at-least-once duplicate), well within the 5.
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    retentionDays: 14,
    consumer: 'send-notice',
    batchSize: 10,
    envVar: 'NOTICES_QUEUE_URL',
    carries: 'all',
  },
  // A closed complaint's surveys are created here, never in the close itself (shared/surveys/services/create-surveys.ts).
  // The consumer's idempotency window follows its 60 s timeout as send-notice's does; redeliveries wait 6 times that.
  surveys: {
    key: 'surveys',
    visibilityTimeoutSeconds: 360,
    maxReceiveCount: 5,
    retentionDays: 14,
    consumer: 'create-surveys',
    batchSize: 10,
    envVar: 'SURVEYS_QUEUE_URL',
    carries: ['case-closed'],
  },
  // Case-ledger exports asked for through POST /v1/exports (shared/statistics/services/run-case-export.ts): one job a
  // message and one message a batch, since a job may write 100k rows for up to export-cases's 900 s. Redeliveries wait
  // 6 times that (the most a running job holds its lease), so a redelivered job has either finished — and the worker
  // does nothing — or was left by a worker that died, and is taken over. No case event goes here.
  exports: {
    key: 'exports',
    visibilityTimeoutSeconds: 5400,
    maxReceiveCount: 3,
    retentionDays: 1,
    consumer: 'export-cases',
    batchSize: 1,
    envVar: 'EXPORTS_QUEUE_URL',
    carries: [],
  },
  // Statistics reconciliations asked for through POST /v1/admin/reconcile (shared/statistics/services/
  // run-reconciliation.ts): a recount scans the whole table, up to run-reconciliation's 900 s, so one job a message and
  // one message a batch, redeliveries 6 times that apart, as the exports queue. No case event goes here.
  reconciliations: {
    key: 'reconciliations',
    visibilityTimeoutSeconds: 5400,
    maxReceiveCount: 3,
    retentionDays: 1,
    consumer: 'run-reconciliation',
    batchSize: 1,
    envVar: 'RECONCILIATIONS_QUEUE_URL',
    carries: [],
  },
};
