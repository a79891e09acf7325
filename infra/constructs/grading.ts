import { Construct } from 'constructs';
import { gradingFunctions, gradingSchedules } from '#grading/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';
import { createSchedules, type FunctionSchedule, type ScheduleDeadLetters } from './platform/schedules.ts';

export interface GradingProps extends CapabilityProps {
  readonly scheduleDeadLetters: ScheduleDeadLetters;
}

/**
 * Performance grading (`shared/grading/resources.ts`): schemes as versioned data and assessments, whose publishing
 * writes the enterprise's grade in the same transaction; and the schedule that settles a help plan whose case a crash
 * left unstored or unclosed.
 */
export class Grading extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof gradingFunctions>;
  readonly schedules: Readonly<Record<keyof typeof gradingSchedules, FunctionSchedule>>;

  constructor(scope: Construct, id: string, props: GradingProps) {
    super(scope, id);
    this.functions = createFunctions(this, gradingFunctions, props);
    this.schedules = createSchedules(this, gradingSchedules, this.functions, props.scheduleDeadLetters);
  }
}
