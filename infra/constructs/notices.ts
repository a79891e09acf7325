import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { noticesFunctions } from '#notices/resources.ts';
import { queues } from '#platform/catalog/catalog.ts';
import type { QueueKey } from '#platform/catalog/definitions.ts';
import type { Alarms } from './platform/alarms.ts';
import {
  type CapabilityFunctions,
  type CapabilityProps,
  createFunctions,
  functionNamed,
} from './platform/capability.ts';
import type { FunctionConnections } from './platform/greenline-function.ts';

/**
 * At most 2 send-notice invocations at once (the event source's MaximumConcurrency; 2 is the least AWS allows), so a
 * burst of notices cannot outrun SES's sending rate (14 emails/s by default) by scaling the consumer out. An
 * invocation takes a batch of up to 10 notices and handles them one at a time, each notice's emails one after another
 * behind idempotency writes: 2 emails in flight at most, a peak of 2 ÷ one email's time, within 14/s while an email
 * takes 143 ms or more (functions/notices/send-notice.ts); above it the SDK retries what SES throttles, then SQS
 * redelivers, and the burst drains instead of failing.
 */
export const noticeConsumerConcurrency = 2;

export interface NoticeFanOutProps extends Omit<CapabilityProps, 'connections'> {
  /** The shared resources but queues: the notices queue is this construct's own. */
  readonly connections: Omit<FunctionConnections, 'queues'>;
  readonly alarms: Alarms;
}

/**
 * Notices by email (`shared/notices/resources.ts`): the notices queue that the other capabilities send their events
 * to, its dead-letter queue after the catalog's redrive count with an alarm on the first dead letter, and send-notice,
 * which consumes it in batches and reports the failed items only, so one bad message does not send its whole batch
 * round again.
 */
export class NoticeFanOut extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof noticesFunctions>;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  /** The queues functions of every capability send to, by catalog key. */
  readonly queues: Readonly<Record<QueueKey, IQueue>>;

  constructor(scope: Construct, id: string, props: NoticeFanOutProps) {
    super(scope, id);
    const definition = queues.notices;

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      // A dead letter keeps its original enqueue time, so the DLQ keeps messages as long as SQS allows (14 days).
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.queue = new Queue(this, 'Queue', {
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(definition.retentionDays),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
    });
    props.alarms.onDeadLetters(
      this,
      this.deadLetterQueue,
      `Messages of the ${definition.key} queue failed ${definition.maxReceiveCount} times and wait in its dead-letter queue`,
    );
    this.queues = { notices: this.queue };

    this.functions = createFunctions(this, noticesFunctions, {
      ...props,
      connections: { ...props.connections, queues: this.queues },
    });
    const consumer = functionNamed(this.functions, definition.consumer, `Queue ${definition.key}`);
    if (definition.visibilityTimeoutSeconds < consumer.definition.timeoutSeconds) {
      throw new Error(
        `Queue ${definition.key}: visibility timeout is shorter than ${consumer.definition.name}'s timeout`,
      );
    }
    consumer.lambda.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: definition.batchSize,
        reportBatchItemFailures: true,
        maxConcurrency: noticeConsumerConcurrency,
      }),
    );
  }
}
