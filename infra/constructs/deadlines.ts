import { Construct } from 'constructs';
import { deadlinesFunctions, deadlinesSchedules } from '#deadlines/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';
import { createSchedules, type FunctionSchedule, type ScheduleDeadLetters } from './platform/schedules.ts';

export interface DeadlineScheduleProps extends CapabilityProps {
  readonly scheduleDeadLetters: ScheduleDeadLetters;
}

/**
 * Time limits (`shared/deadlines/resources.ts`): the nightly-check schedule that recolours cases by their deadlines,
 * the morning-notices schedule that sends the day's reminders and digests, and the time-limit policies and working
 * calendar that deadlines are counted by.
 */
export class DeadlineSchedule extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof deadlinesFunctions>;
  readonly schedules: Readonly<Record<keyof typeof deadlinesSchedules, FunctionSchedule>>;

  constructor(scope: Construct, id: string, props: DeadlineScheduleProps) {
    super(scope, id);
    this.functions = createFunctions(this, deadlinesFunctions, props);
    this.schedules = createSchedules(this, deadlinesSchedules, this.functions, props.scheduleDeadLetters);
  }
}
