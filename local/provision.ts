import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { buckets } from '#platform/catalog/buckets.ts';
import type { CatalogQueue as QueueDefinition } from '#platform/catalog/catalog.ts';
import { queues } from '#platform/catalog/catalog.ts';
import {
  type BucketKey,
  localBucketName,
  type QueueKey,
  type TableDefinition,
  type TableKey,
} from '#platform/catalog/definitions.ts';
import { tables } from '#platform/catalog/tables.ts';

export interface Naming {
  readonly table: (key: TableKey) => string;
  readonly queue: (key: QueueKey) => string;
  readonly deadLetterQueue: (key: QueueKey) => string;
  /** `greenline-<key>` when not given: each fauxqs holds its own buckets. */
  readonly bucket?: (key: BucketKey) => string;
}

export interface ProvisionedQueue {
  readonly url: string;
  readonly deadLetterUrl: string;
  readonly definition: QueueDefinition;
}

export interface Provisioned {
  /** Environment variables the functions read (TABLE_NAME, NOTICES_QUEUE_URL, …). */
  readonly env: Record<string, string>;
  readonly queues: Readonly<Record<QueueKey, ProvisionedQueue>>;
}

/** The same key schema, indexes and TTL as the CDK table (infra/constructs/data-store.ts), from one definition. */
export const createTableInput = (definition: TableDefinition, name: string): CreateTableCommandInput => {
  const attributes = new Map<string, string>();
  const keyOf = (attr: { name: string; type: string }, keyType: 'HASH' | 'RANGE') => {
    attributes.set(attr.name, attr.type);
    return { AttributeName: attr.name, KeyType: keyType };
  };
  const keySchema = [keyOf(definition.partitionKey, 'HASH')];
  if (definition.sortKey) keySchema.push(keyOf(definition.sortKey, 'RANGE'));
  const indexes = definition.indexes.map((index) => {
    const schema = [keyOf(index.partitionKey, 'HASH')];
    if (index.sortKey) schema.push(keyOf(index.sortKey, 'RANGE'));
    return { IndexName: index.name, KeySchema: schema, Projection: { ProjectionType: 'ALL' as const } };
  });
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: keySchema,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType: AttributeType as 'S' | 'N',
    })),
    ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
  };
};

const ensureTable = async (client: DynamoDBClient, definition: TableDefinition, name: string): Promise<void> => {
  try {
    await client.send(new CreateTableCommand(createTableInput(definition, name)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    return;
  }
  if (definition.timeToLiveAttribute) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
  await client.send(new DescribeTableCommand({ TableName: name }));
};

const ensureQueue = async (sqs: SQSClient, definition: QueueDefinition, naming: Naming): Promise<ProvisionedQueue> => {
  const dlq = await sqs.send(
    new CreateQueueCommand({
      QueueName: naming.deadLetterQueue(definition.key),
      Attributes: { MessageRetentionPeriod: String(14 * 24 * 3600) },
    }),
  );
  const deadLetterUrl = dlq.QueueUrl as string;
  const dlqAttributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ['QueueArn'] }),
  );
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: naming.queue(definition.key),
      Attributes: {
        VisibilityTimeout: String(definition.visibilityTimeoutSeconds),
        MessageRetentionPeriod: String(definition.retentionDays * 24 * 3600),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqAttributes.Attributes?.QueueArn,
          maxReceiveCount: definition.maxReceiveCount,
        }),
      },
    }),
  );
  return { url: queue.QueueUrl as string, deadLetterUrl, definition };
};

/** CreateBucket in fauxqs answers an existing bucket with success; S3 proper says it is already ours. */
const ensureBucket = async (s3: S3Client, name: string): Promise<void> => {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  } catch (error) {
    if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
  }
};

/** Creates every table, queue and bucket of the resource catalog (`shared/platform/catalog/`) if it is missing; safe to run on every start. */
export const provision = async (
  clients: { dynamodb: DynamoDBClient; sqs: SQSClient; s3: S3Client },
  naming: Naming,
) => {
  const env: Record<string, string> = {};
  for (const definition of Object.values(tables)) {
    const name = naming.table(definition.key);
    await ensureTable(clients.dynamodb, definition, name);
    env[definition.envVar] = name;
  }
  const provisioned = {} as Record<QueueKey, ProvisionedQueue>;
  for (const definition of Object.values(queues)) {
    provisioned[definition.key] = await ensureQueue(clients.sqs, definition, naming);
    env[definition.envVar] = provisioned[definition.key].url;
  }
  for (const definition of Object.values(buckets)) {
    const name = (naming.bucket ?? localBucketName)(definition.key);
    await ensureBucket(clients.s3, name);
    env[definition.envVar] = name;
  }
  return { env, queues: provisioned } satisfies Provisioned;
};
