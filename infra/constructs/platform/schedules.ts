import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduledInvocation, ScheduleName } from '#platform/catalog/catalog.ts';
import type { ScheduleDefinition } from '#platform/catalog/definitions.ts';
import type { Alarms } from './alarms.ts';
import { type CapabilityFunctions, functionNamed } from './capability.ts';
import type { GreenlineFunction } from './greenline-function.ts';
import { logicalIdOf, pascalCase } from './naming.ts';

/** A schedule as a capability declares it (`defineSchedules`), its name one of the catalog's. */
export type DeclaredSchedule<Name extends ScheduleName = ScheduleName> = ScheduleDefinition & { readonly name: Name };

/** The schedule's input: a {@link ScheduledInvocation}, its time filled in by EventBridge Scheduler on each run. */
export const scheduledInvocationInput = (definition: DeclaredSchedule): ScheduleTargetInput => {
  const invocation: ScheduledInvocation = { schedule: definition.name, scheduledTime: ContextAttribute.scheduledTime };
  return ScheduleTargetInput.fromObject(invocation);
};

export interface ScheduleDeadLettersProps {
  readonly alarms: Alarms;
}

/**
 * Where a scheduled run of any capability lands when it still fails after its retries: one dead-letter queue for all
 * schedules, which alarms on its first message.
 */
export class ScheduleDeadLetters extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: ScheduleDeadLettersProps) {
    super(scope, id);
    this.queue = new Queue(this, 'DeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the schedules (EventBridge Scheduler DeadLetterConfig), which cdk-nag only recognises in SQS redrive policies; it has an alarm.',
    });
    props.alarms.onDeadLetters(
      this,
      this.queue,
      'A scheduled run failed after its retries: the dead-lettered message is its ScheduledInvocation, which names the schedule',
    );
  }
}

export interface FunctionScheduleProps {
  readonly definition: DeclaredSchedule;
  readonly target: GreenlineFunction;
  readonly deadLetters: ScheduleDeadLetters;
}

/**
 * One EventBridge Scheduler schedule that invokes its function with a {@link ScheduledInvocation}, through a role that
 * may invoke that one function; two retries within an hour, then the schedules' dead-letter queue.
 */
export class FunctionSchedule extends Construct {
  readonly definition: DeclaredSchedule;
  readonly target: GreenlineFunction;
  readonly role: Role;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: FunctionScheduleProps) {
    super(scope, id);
    const { definition } = props;
    this.definition = definition;
    this.target = props.target;
    const target = props.target.lambda;
    this.role = new Role(this, 'Role', {
      description: `EventBridge Scheduler: invokes ${definition.target} for ${definition.name}`,
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(target.node.defaultChild as CfnFunction)}.Arn>:*]`,
      reason: `grantInvoke covers ${definition.target}'s versions and aliases (<function ARN>:*); the role can invoke that one function only.`,
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: definition.description,
      schedule: ScheduleExpression.expression(definition.expression, TimeZone.of(definition.timezone)),
      target: new LambdaInvoke(target, {
        role: this.role,
        input: scheduledInvocationInput(definition),
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
        deadLetterQueue: props.deadLetters.queue,
      }),
    });
  }
}

/**
 * Builds a capability's schedules from its own declarations, each targeting one of the capability's functions (a
 * schedule that names another capability's function is an error here: it belongs to that capability).
 */
export const createSchedules = <Name extends ScheduleName, FunctionName extends string>(
  scope: Construct,
  declarations: Readonly<Record<Name, DeclaredSchedule<Name>>>,
  functions: CapabilityFunctions<FunctionName>,
  deadLetters: ScheduleDeadLetters,
): Readonly<Record<Name, FunctionSchedule>> => {
  const created = {} as Record<Name, FunctionSchedule>;
  for (const definition of Object.values<DeclaredSchedule<Name>>(declarations)) {
    created[definition.name] = new FunctionSchedule(scope, `${pascalCase(definition.name)}Schedule`, {
      definition,
      target: functionNamed(functions, definition.target, `Schedule ${definition.name}`),
      deadLetters,
    });
  }
  return created;
};
