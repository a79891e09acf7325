import { Construct } from 'constructs';
import { statisticsFunctions } from '#statistics/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/** Statistics (`shared/statistics/resources.ts`): the figures from the case counters, and their reconciliation. */
export class Statistics extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof statisticsFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, statisticsFunctions, props);
  }
}
