import { Construct } from 'constructs';
import { queues } from '#platform/catalog/catalog.ts';
import { surveysFunctions, surveysSchedules } from '#surveys/resources.ts';
import {
  type CapabilityFunctions,
  type CapabilityProps,
  createFunctions,
  functionNamed,
} from './platform/capability.ts';
import { consume, type EventQueues } from './platform/event-queues.ts';
import { createSchedules, type FunctionSchedule, type ScheduleDeadLetters } from './platform/schedules.ts';

export interface SurveysProps extends CapabilityProps {
  readonly queues: EventQueues;
  readonly scheduleDeadLetters: ScheduleDeadLetters;
}

/**
 * At most 2 create-surveys invocations at once (the least AWS allows): each sends its invitations one after another,
 * so with send-notice's 2 the emails in flight stay at 4, within SES's default 14 a second while an email takes
 * 286 ms or more; above that the SDK and then SQS retry what SES throttles.
 */
export const surveyConsumerConcurrency = 2;

/**
 * Follow-up surveys (`shared/surveys/resources.ts`): create-surveys consumes the surveys queue (closings), the daily
 * sweep sends reminders and expires unanswered surveys, and the public survey page, the operators' call list, the
 * figures and the settings have their routes.
 */
export class Surveys extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof surveysFunctions>;
  readonly schedules: Readonly<Record<keyof typeof surveysSchedules, FunctionSchedule>>;

  constructor(scope: Construct, id: string, props: SurveysProps) {
    super(scope, id);
    this.functions = createFunctions(this, surveysFunctions, props);
    const consumer = functionNamed(this.functions, queues.surveys.consumer, 'Queue surveys');
    consume(props.queues.queues.surveys, 'surveys', consumer, surveyConsumerConcurrency);
    this.schedules = createSchedules(this, surveysSchedules, this.functions, props.scheduleDeadLetters);
  }
}
