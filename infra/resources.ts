/**
 * The one source of truth for Greenline's tables, queues, schedules and functions.
 *
 * Plain data with no CDK imports: the CDK constructs in `infra/constructs` build AWS resources from it, and the
 * one-machine runtime in `local/` creates the same tables and queues in DynamoDB Local and fauxqs, polls the same
 * queues and fires the same schedules. Change a key, an index, a queue or a schedule here and both follow.
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

export type TableKey = 'main' | 'idempotency';

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
        serves: 'open cases by next deadline (sparse: only open cases carry it), read by the nightly check',
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

export interface QueueDefinition {
  readonly key: QueueKey;
  /** Seconds a received message stays hidden; six times the consumer's timeout, as AWS advises for Lambda. */
  readonly visibilityTimeoutSeconds: number;
  /** Receives before SQS moves a message to the dead-letter queue. */
  readonly maxReceiveCount: number;
  readonly retentionDays: number;
  readonly consumer: FunctionName;
  readonly batchSize: number;
  readonly envVar: string;
}

export type QueueKey = 'notices';

export const queues: Readonly<Record<QueueKey, QueueDefinition>> = {
  notices: {
    key: 'notices',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    retentionDays: 14,
    consumer: 'send-notice',
    batchSize: 10,
    envVar: 'NOTICES_QUEUE_URL',
  },
};

/** The local name of a queue (`greenline-notices`) and of its dead-letter queue (`greenline-notices-dlq`). */
export const localQueueName = (key: QueueKey): string => `greenline-${key}`;
export const localDeadLetterQueueName = (key: QueueKey): string => `greenline-${key}-dlq`;
export const localTableName = (key: TableKey): string => `greenline-${key}`;

export interface BucketDefinition {
  readonly key: BucketKey;
  /** Environment variable through which functions learn the bucket's name. */
  readonly envVar: string;
  /** Where presigned uploads land. Objects here expire after `uploadExpiryDays` unless a complaint attaches them. */
  readonly uploadPrefix: string;
  /** Where attaching copies an upload; kept as long as the case. */
  readonly keptPrefix: string;
  readonly uploadExpiryDays: number;
}

export type BucketKey = 'attachments';

/** Photos, recordings and documents attached to complaints, by the public (web form) and by officials. */
export const buckets: Readonly<Record<BucketKey, BucketDefinition>> = {
  attachments: {
    key: 'attachments',
    envVar: 'ATTACHMENTS_BUCKET',
    uploadPrefix: 'uploads/',
    keptPrefix: 'attachments/',
    uploadExpiryDays: 2,
  },
};

/** The local name of a bucket in fauxqs (`greenline-attachments`). */
export const localBucketName = (key: BucketKey): string => `greenline-${key}`;

/**
 * What a function may do in a bucket: `presign-upload` signs PUTs into the upload prefix (s3:PutObject there, nothing
 * else); `attach-upload` reads uploads and copies them into the kept prefix.
 */
export type BucketAccess = 'presign-upload' | 'attach-upload';

export interface ScheduleDefinition {
  readonly name: ScheduleName;
  /** EventBridge Scheduler expression: `cron(min hour day-of-month month day-of-week year)` or `rate(n unit)`. */
  readonly expression: string;
  readonly timezone: string;
  readonly target: FunctionName;
  readonly description: string;
}

export type ScheduleName = 'nightly-check' | 'morning-notices' | 'outbox-relay';

export const schedules: Readonly<Record<ScheduleName, ScheduleDefinition>> = {
  'nightly-check': {
    name: 'nightly-check',
    expression: 'cron(0 1 * * ? *)',
    timezone: 'Asia/Shanghai',
    target: 'sweep-deadlines',
    description: '每晚 01:00 检查办理时限与色标',
  },
  'morning-notices': {
    name: 'morning-notices',
    // Every day: the function itself skips days the holiday calendar says are not working days.
    expression: 'cron(30 8 * * ? *)',
    timezone: 'Asia/Shanghai',
    target: 'send-morning-notices',
    description: '工作日 08:30 发送临期、超期、催办、督办通知和日报',
  },
  'outbox-relay': {
    name: 'outbox-relay',
    expression: 'rate(5 minutes)',
    timezone: 'Asia/Shanghai',
    target: 'relay-outbox',
    description: '重发未能及时投递到队列的事件',
  },
};

export interface FunctionDefinition {
  readonly name: FunctionName;
  readonly description: string;
  readonly tables: readonly TableKey[];
  /** Queues the function sends to. */
  readonly sendsTo: readonly QueueKey[];
  readonly sendsEmail: boolean;
  /** Buckets the function uses, and how; most functions use none. */
  readonly buckets?: Readonly<Partial<Record<BucketKey, BucketAccess>>>;
  readonly timeoutSeconds: number;
  readonly memoryMiB: number;
}

export type FunctionName =
  | 'health'
  | 'get-openapi'
  | 'submit-complaint'
  | 'get-case'
  | 'act-on-case'
  | 'list-cases'
  | 'get-my-work'
  | 'submit-public-complaint'
  | 'track-complaint'
  | 'send-notice'
  | 'sweep-deadlines'
  | 'send-morning-notices'
  | 'relay-outbox'
  | 'create-upload'
  | 'get-calendar-year'
  | 'put-calendar-year'
  | 'get-ledger'
  | 'get-access-log'
  | 'get-time-limit-policies'
  | 'put-time-limit-policies';

/** Every Lambda; each has its entry at `functions/<name>.ts`. */
export const functions: Readonly<Record<FunctionName, FunctionDefinition>> = {
  health: {
    name: 'health',
    description: '健康检查',
    tables: [],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 5,
    memoryMiB: 256,
  },
  'get-openapi': {
    name: 'get-openapi',
    description: 'OpenAPI 文档',
    tables: [],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 5,
    memoryMiB: 256,
  },
  'submit-complaint': {
    name: 'submit-complaint',
    description: '信访件受理登记',
    tables: ['main', 'idempotency'],
    sendsTo: ['notices'],
    sendsEmail: false,
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  'get-case': {
    name: 'get-case',
    description: '查看督办事项及其历史',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'act-on-case': {
    name: 'act-on-case',
    description: '办理流程操作',
    tables: ['main'],
    sendsTo: ['notices'],
    sendsEmail: false,
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  'list-cases': {
    name: 'list-cases',
    description: '督办事项列表',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'get-my-work': {
    name: 'get-my-work',
    description: '我的待办',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'submit-public-complaint': {
    name: 'submit-public-complaint',
    description: '网上投诉（公众）',
    tables: ['main', 'idempotency'],
    sendsTo: ['notices'],
    sendsEmail: false,
    buckets: { attachments: 'attach-upload' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  'track-complaint': {
    name: 'track-complaint',
    description: '投诉进度查询（公众）',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'send-notice': {
    name: 'send-notice',
    description: '发送通知邮件',
    tables: ['main', 'idempotency'],
    sendsTo: [],
    sendsEmail: true,
    timeoutSeconds: 30,
    memoryMiB: 512,
  },
  'sweep-deadlines': {
    name: 'sweep-deadlines',
    description: '夜间时限检查',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 300,
    memoryMiB: 1024,
  },
  'get-access-log': {
    name: 'get-access-log',
    description: '个人信息访问记录',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 10,
    memoryMiB: 256,
  },
  'get-ledger': {
    name: 'get-ledger',
    description: '四色管理台账',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 30,
    memoryMiB: 1024,
  },
  'get-time-limit-policies': {
    name: 'get-time-limit-policies',
    description: '查看办理时限规则',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 10,
    memoryMiB: 256,
  },
  'put-time-limit-policies': {
    name: 'put-time-limit-policies',
    description: '修改办理时限规则（新版本）',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 10,
    memoryMiB: 256,
  },
  'send-morning-notices': {
    name: 'send-morning-notices',
    description: '早间通知与日报',
    tables: ['main'],
    sendsTo: ['notices'],
    sendsEmail: false,
    timeoutSeconds: 300,
    memoryMiB: 1024,
  },
  'relay-outbox': {
    name: 'relay-outbox',
    description: '补发待投递事件',
    tables: ['main'],
    sendsTo: ['notices'],
    sendsEmail: false,
    timeoutSeconds: 60,
    memoryMiB: 512,
  },
  'create-upload': {
    name: 'create-upload',
    description: '申请附件上传地址',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    buckets: { attachments: 'presign-upload' },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'get-calendar-year': {
    name: 'get-calendar-year',
    description: '查看工作日历（某年的节假日与调休上班日）',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  'put-calendar-year': {
    name: 'put-calendar-year',
    description: '录入工作日历（国务院节假日安排通知）',
    tables: ['main'],
    sendsTo: [],
    sendsEmail: false,
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
};

export const functionEntry = (name: FunctionName): string => `functions/${name}.ts`;

/** Environment variables every function gets besides its tables' and queues'. */
export const commonEnv = {
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  mailFrom: 'MAIL_FROM',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  publicBaseUrl: 'PUBLIC_BASE_URL',
} as const;

/**
 * The payload a schedule delivers to its target function: in AWS the schedule's input, with the scheduled time filled
 * in by EventBridge Scheduler (`<aws.scheduler.scheduled-time>`); locally the same JSON, sent by the local scheduler.
 */
export interface ScheduledInvocation {
  readonly schedule: ScheduleName;
  /** ISO 8601 instant of the occurrence being fired. */
  readonly scheduledTime: string;
}
