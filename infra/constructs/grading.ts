import { Construct } from 'constructs';
import { gradingFunctions } from '#grading/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/**
 * Performance grading (`shared/grading/resources.ts`): schemes as versioned data and assessments, whose publishing
 * writes the enterprise's grade in the same transaction.
 */
export class Grading extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof gradingFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, gradingFunctions, props);
  }
}
