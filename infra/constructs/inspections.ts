import { Construct } from 'constructs';
import { inspectionsFunctions } from '#inspections/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/**
 * Random inspections and enforcement (`shared/inspections/resources.ts`): plans and the inspector pool, draws, inspection
 * records and enforcement cases, and the public listing — four functions for thirteen routes.
 */
export class Inspections extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof inspectionsFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, inspectionsFunctions, props);
  }
}
