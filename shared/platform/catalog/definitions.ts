/**
 * The shapes of Greenline's resource catalog: tables, queues, buckets, schedules and functions as plain data, with no
 * CDK imports. Each capability declares its own functions and schedules (`shared/<capability>/resources.ts`);
 * `catalog.ts` composes them. The CDK constructs in `infra/` build AWS resources from the catalog, and the one-machine
 * runtime in `local/` creates the same tables and queues, serves the same functions and fires the same schedules.
 */

export type AttributeType = 'S' | 'N';

export interface KeyAttribute {
  readonly name: string;
  readonly type: AttributeType;
}

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  /** Which access pattern the index serves (also written down in docs/architecture.md). */
  readonly serves: string;
}

export type TableKey = 'main' | 'idempotency';

export interface TableDefinition {
  /** Logical name, also the local table name's suffix (`greenline-<key>` locally). */
  readonly key: TableKey;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly indexes: readonly IndexDefinition[];
  readonly timeToLiveAttribute?: string;
  /** Environment variable through which functions learn the table's name. */
  readonly envVar: string;
}

export type QueueKey = 'notices' | 'surveys' | 'exports' | 'reconciliations';

export interface QueueDefinition {
  readonly key: QueueKey;
  /** Seconds a received message stays hidden; six times the consumer's timeout, as AWS advises for Lambda. */
  readonly visibilityTimeoutSeconds: number;
  /** Receives before SQS moves a message to the dead-letter queue. */
  readonly maxReceiveCount: number;
  readonly retentionDays: number;
  /** The function that consumes the queue (a name of the composed catalog, checked there). */
  readonly consumer: string;
  readonly batchSize: number;
  readonly envVar: string;
  /**
   * The case events the outbox relay sends to the queue: `all`, or the event types named. A capability that reacts to
   * case events declares its queue here with the types it needs; the relay fans each event out to every queue that
   * carries it (shared/platform/adapters/event-queues.ts).
   */
  readonly carries: 'all' | readonly string[];
}

export type BucketKey = 'attachments';

export interface BucketDefinition {
  readonly key: BucketKey;
  /** Environment variable through which functions learn the bucket's name. */
  readonly envVar: string;
  /** Where presigned uploads land. Objects here expire after `uploadExpiryDays` unless a complaint attaches them. */
  readonly uploadPrefix: string;
  /** Where attaching copies an upload; kept as long as the case. */
  readonly keptPrefix: string;
  readonly uploadExpiryDays: number;
  /** Where exported files (case ledgers, statistics) are written; they expire after `exportExpiryDays`. */
  readonly exportPrefix: string;
  readonly exportExpiryDays: number;
}

/**
 * What a function may do in a bucket: `presign-upload` signs PUTs into the upload prefix (s3:PutObject there, nothing
 * else); `attach-upload` reads uploads and copies them into the kept prefix; `write-exports` writes files (multipart
 * included) under the export prefix; `read-exports` reads them (and presigns their downloads).
 */
export type BucketAccess = 'presign-upload' | 'attach-upload' | 'write-exports' | 'read-exports';

/** DynamoDB item writes a function may make (a transaction needs the action of each of its parts). */
export type TableWrite = 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

/**
 * What a function may do in a table: `read` (get, query), `read-write` (every item action), or reads plus only the
 * writes it names (`{ write: ['PutItem'] }` for a reader that records who read). A Scan of the whole table is granted
 * only where named (`scan: true`): nothing on a request path reads the whole table.
 */
export type TableAccess = 'read' | 'read-write' | { readonly write: readonly TableWrite[]; readonly scan?: true };

/** The DynamoDB actions a table access allows, as IAM names them (without the `dynamodb:` prefix). */
export const tableActions = (access: TableAccess): string[] => {
  const reads = ['BatchGetItem', 'ConditionCheckItem', 'DescribeTable', 'GetItem', 'Query'];
  if (access === 'read') return reads;
  const writes: readonly string[] =
    access === 'read-write' ? ['BatchWriteItem', 'DeleteItem', 'PutItem', 'UpdateItem'] : access.write;
  const scans = typeof access === 'object' && access.scan ? ['Scan'] : [];
  return [...new Set([...reads, ...writes, ...scans])].sort();
};

export interface ScheduleDefinition {
  readonly name: string;
  /** EventBridge Scheduler expression: `cron(min hour day-of-month month day-of-week year)` or `rate(n unit)`. */
  readonly expression: string;
  readonly timezone: string;
  /** The function fired (a name of the composed catalog, checked there). */
  readonly target: string;
  readonly description: string;
}

/** The capability folders a function may belong to: its entry is `functions/<capability>/<name>.ts`. */
export type Capability =
  | 'platform'
  | 'directory'
  | 'cases'
  | 'intake'
  | 'deadlines'
  | 'ledger'
  | 'notices'
  | 'surveys'
  | 'statistics'
  | 'campaigns'
  | 'rectification'
  | 'enterprises'
  | 'grading'
  | 'inspections';

export interface FunctionDefinition {
  readonly name: string;
  readonly capability: Capability;
  readonly description: string;
  /** Tables the function uses, and how: it gets exactly these grants and their names in its environment. */
  readonly tables?: Readonly<Partial<Record<TableKey, TableAccess>>>;
  /** Queues the function sends to. */
  readonly queues?: Readonly<Partial<Record<QueueKey, 'send'>>>;
  readonly mail?: 'send';
  /** Buckets the function uses, and how; most functions use none. */
  readonly buckets?: Readonly<Partial<Record<BucketKey, BucketAccess>>>;
  readonly timeoutSeconds: number;
  readonly memoryMiB: number;
}

/**
 * Declares a capability's functions: the object's keys become the functions' names, so a name is written once.
 *
 * @example
 * ```ts
 * export const ledgerFunctions = defineFunctions('ledger', {
 *   'get-ledger': { description: '四色管理台账', tables: { main: 'read' }, timeoutSeconds: 30, memoryMiB: 1024 },
 * });
 * ```
 */
export const defineFunctions = <const N extends string>(
  capability: Capability,
  definitions: Readonly<Record<N, Omit<FunctionDefinition, 'name' | 'capability'>>>,
): Readonly<Record<N, FunctionDefinition & { readonly name: N }>> =>
  Object.fromEntries(
    Object.entries<Omit<FunctionDefinition, 'name' | 'capability'>>(definitions).map(([name, definition]) => [
      name,
      { name, capability, ...definition },
    ]),
  ) as Record<N, FunctionDefinition & { readonly name: N }>;

/** Declares schedules: the object's keys become their names. */
export const defineSchedules = <const N extends string>(
  definitions: Readonly<Record<N, Omit<ScheduleDefinition, 'name'>>>,
): Readonly<Record<N, ScheduleDefinition & { readonly name: N }>> =>
  Object.fromEntries(
    Object.entries<Omit<ScheduleDefinition, 'name'>>(definitions).map(([name, definition]) => [
      name,
      { name, ...definition },
    ]),
  ) as Record<N, ScheduleDefinition & { readonly name: N }>;

/** The entry file of a function. */
export const functionEntry = (definition: Pick<FunctionDefinition, 'name' | 'capability'>): string =>
  `functions/${definition.capability}/${definition.name}.ts`;

/** The local name of a queue (`greenline-notices`) and of its dead-letter queue (`greenline-notices-dlq`). */
export const localQueueName = (key: QueueKey): string => `greenline-${key}`;
export const localDeadLetterQueueName = (key: QueueKey): string => `greenline-${key}-dlq`;
export const localTableName = (key: TableKey): string => `greenline-${key}`;
/** The local name of a bucket in fauxqs (`greenline-attachments`). */
export const localBucketName = (key: BucketKey): string => `greenline-${key}`;

/** Environment variables every function gets besides its tables', queues' and buckets'. */
export const commonEnv = {
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  mailFrom: 'MAIL_FROM',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  publicBaseUrl: 'PUBLIC_BASE_URL',
} as const;
