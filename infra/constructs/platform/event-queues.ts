import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { queues } from '#platform/catalog/catalog.ts';
import type { QueueKey } from '#platform/catalog/definitions.ts';
import type { Alarms } from './alarms.ts';
import type { GreenlineFunction } from './greenline-function.ts';
import { pascalCase } from './naming.ts';

export interface EventQueuesProps {
  readonly alarms: Alarms;
}

/**
 * Every queue of the catalog (`shared/platform/catalog/queues.ts`), created before the capabilities so that any of
 * them may send to any queue: each encrypted, TLS only, with a dead-letter queue after the catalog's redrive count and
 * an alarm on the first dead letter. The capability that consumes a queue attaches its consumer with {@link consume}.
 */
export class EventQueues extends Construct {
  readonly queues: Readonly<Record<QueueKey, Queue>>;
  readonly deadLetterQueues: Readonly<Record<QueueKey, Queue>>;

  constructor(scope: Construct, id: string, props: EventQueuesProps) {
    super(scope, id);
    const created = {} as Record<QueueKey, Queue>;
    const deadLetters = {} as Record<QueueKey, Queue>;
    for (const definition of Object.values(queues)) {
      const scope = new Construct(this, pascalCase(definition.key));
      const deadLetterQueue = new Queue(scope, 'DeadLetterQueue', {
        // A dead letter keeps its original enqueue time, so the DLQ keeps messages as long as SQS allows (14 days).
        retentionPeriod: Duration.days(14),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      created[definition.key] = new Queue(scope, 'Queue', {
        visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
        retentionPeriod: Duration.days(definition.retentionDays),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
      });
      deadLetters[definition.key] = deadLetterQueue;
      props.alarms.onDeadLetters(
        scope,
        deadLetterQueue,
        `Messages of the ${definition.key} queue failed ${definition.maxReceiveCount} times and wait in its dead-letter queue`,
      );
    }
    this.queues = created;
    this.deadLetterQueues = deadLetters;
  }
}

/**
 * Makes `consumer` the consumer of queue `key`: batches of the catalog's size, failed items reported one by one, at
 * most `maxConcurrency` invocations at once. Refuses a consumer whose timeout outlasts the queue's visibility timeout.
 */
export const consume = (queue: IQueue, key: QueueKey, consumer: GreenlineFunction, maxConcurrency: number): void => {
  const definition = queues[key];
  if (consumer.definition.name !== definition.consumer) {
    throw new Error(`Queue ${key}: its consumer is ${definition.consumer}, not ${consumer.definition.name}`);
  }
  if (definition.visibilityTimeoutSeconds < consumer.definition.timeoutSeconds) {
    throw new Error(`Queue ${key}: visibility timeout is shorter than ${consumer.definition.name}'s timeout`);
  }
  consumer.lambda.addEventSource(
    new SqsEventSource(queue, { batchSize: definition.batchSize, reportBatchItemFailures: true, maxConcurrency }),
  );
};
