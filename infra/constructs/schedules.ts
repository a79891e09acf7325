import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CatalogSchedule as ScheduleDefinition } from '#platform/catalog/catalog.ts';
import {
  type FunctionName,
  type ScheduledInvocation,
  type ScheduleName,
  schedules,
} from '#platform/catalog/catalog.ts';
import type { Alarms } from './alarms.ts';
import type { GreenlineFunction } from './greenline-function.ts';
import { logicalIdOf, pascalCase } from './naming.ts';

/** The schedule's input: a {@link ScheduledInvocation}, its time filled in by EventBridge Scheduler on each run. */
export const scheduledInvocationInput = (definition: ScheduleDefinition): ScheduleTargetInput => {
  const invocation: ScheduledInvocation = { schedule: definition.name, scheduledTime: ContextAttribute.scheduledTime };
  return ScheduleTargetInput.fromObject(invocation);
};

export interface DeadlineSchedulesProps {
  readonly functions: Readonly<Record<FunctionName, GreenlineFunction>>;
  readonly alarms: Alarms;
}

/**
 * The EventBridge Scheduler schedules of the resource catalog (`shared/platform/catalog/`) — the nightly deadline check at 01:00 Beijing time and
 * the outbox relay — each invoking its function with a {@link ScheduledInvocation}. An invocation that still fails
 * after the retries lands in a dead-letter queue, which alarms.
 */
export class DeadlineSchedules extends Construct {
  readonly schedules: Readonly<Record<ScheduleName, Schedule>>;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: DeadlineSchedulesProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the schedules (EventBridge Scheduler DeadLetterConfig), which cdk-nag only recognises in SQS redrive policies; it has an alarm.',
    });
    props.alarms.onDeadLetters(
      this,
      this.deadLetterQueue,
      'A scheduled run (nightly deadline check or outbox relay) failed after its retries',
    );

    const created = {} as Record<ScheduleName, Schedule>;
    for (const definition of Object.values(schedules)) {
      const id = pascalCase(definition.name);
      const target = props.functions[definition.target].lambda;
      const role = new Role(this, `${id}Role`, {
        description: `EventBridge Scheduler: invokes ${definition.target} for ${definition.name}`,
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
        }),
      });
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(target.node.defaultChild as CfnFunction)}.Arn>:*]`,
        reason: `grantInvoke covers ${definition.target}'s versions and aliases (<function ARN>:*); the role can invoke that one function only.`,
      });
      created[definition.name] = new Schedule(this, id, {
        description: definition.description,
        schedule: ScheduleExpression.expression(definition.expression, TimeZone.of(definition.timezone)),
        target: new LambdaInvoke(target, {
          role,
          input: scheduledInvocationInput(definition),
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          deadLetterQueue: this.deadLetterQueue,
        }),
      });
    }
    this.schedules = created;
  }
}
