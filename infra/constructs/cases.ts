import { Construct } from 'constructs';
import { casesFunctions, casesSchedules } from '#cases/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';
import { createSchedules, type FunctionSchedule, type ScheduleDeadLetters } from './platform/schedules.ts';

export interface CaseWorkflowProps extends CapabilityProps {
  readonly scheduleDeadLetters: ScheduleDeadLetters;
}

/**
 * Cases once registered (`shared/cases/resources.ts`): viewing a case, acting on it, the case lists and work list, the
 * personal-data access log; and the outbox-relay schedule, which resends the events that did not reach the notices
 * queue when their case changed.
 */
export class CaseWorkflow extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof casesFunctions>;
  readonly schedules: Readonly<Record<keyof typeof casesSchedules, FunctionSchedule>>;

  constructor(scope: Construct, id: string, props: CaseWorkflowProps) {
    super(scope, id);
    this.functions = createFunctions(this, casesFunctions, props);
    this.schedules = createSchedules(this, casesSchedules, this.functions, props.scheduleDeadLetters);
  }
}
