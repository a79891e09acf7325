import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionName } from '#platform/catalog/catalog.ts';
import { queues } from '#platform/catalog/catalog.ts';
import type { QueueDefinition, QueueKey } from '#platform/catalog/definitions.ts';
import type { Alarms } from './alarms.ts';
import type { GreenlineFunction } from './greenline-function.ts';
import { pascalCase } from './naming.ts';

export interface WorkQueueProps {
  readonly definition: QueueDefinition;
  readonly consumer: GreenlineFunction;
  readonly alarms: Alarms;
}

/**
 * One queue of work, e.g. the notices fanned out to officials: the queue, its dead-letter queue with the redrive
 * count of the definition, an alarm on the first dead letter, and the consumer reading batches and reporting the
 * failed items only, so one bad message does not send its whole batch round again.
 */
export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    const { definition, consumer } = props;
    if (definition.visibilityTimeoutSeconds < consumer.definition.timeoutSeconds) {
      throw new Error(
        `Queue ${definition.key}: visibility timeout is shorter than ${consumer.definition.name}'s timeout`,
      );
    }
    const retentionPeriod = Duration.days(definition.retentionDays);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      // A dead letter keeps its original enqueue time, so the DLQ keeps messages as long as SQS allows (14 days).
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.queue = new Queue(this, 'Queue', {
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      retentionPeriod,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
    });
    props.alarms.onDeadLetters(
      this,
      this.deadLetterQueue,
      `Messages of the ${definition.key} queue failed ${definition.maxReceiveCount} times and wait in its dead-letter queue`,
    );

    consumer.lambda.addEventSource(
      new SqsEventSource(this.queue, { batchSize: definition.batchSize, reportBatchItemFailures: true }),
    );
  }
}

export interface QueuesProps {
  readonly functions: Readonly<Record<FunctionName, GreenlineFunction>>;
  readonly alarms: Alarms;
}

/** Every queue of the resource catalog (`shared/platform/catalog/`), each with its dead-letter queue, alarm and consumer. */
export class Queues extends Construct {
  readonly queues: Readonly<Record<QueueKey, IQueue>>;
  readonly deadLetterQueues: Readonly<Record<QueueKey, IQueue>>;

  constructor(scope: Construct, id: string, props: QueuesProps) {
    super(scope, id);
    const created = {} as Record<QueueKey, IQueue>;
    const deadLetters = {} as Record<QueueKey, IQueue>;
    for (const definition of Object.values(queues)) {
      const workQueue = new WorkQueue(this, pascalCase(definition.key), {
        definition,
        consumer: props.functions[definition.consumer],
        alarms: props.alarms,
      });
      created[definition.key] = workQueue.queue;
      deadLetters[definition.key] = workQueue.deadLetterQueue;
    }
    this.queues = created;
    this.deadLetterQueues = deadLetters;
  }
}
