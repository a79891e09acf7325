import { Construct } from 'constructs';
import { intakeFunctions } from '#intake/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/**
 * Complaints coming in (`shared/intake/resources.ts`): registration by officials and by the public, the public's
 * progress tracking, and presigned uploads of attachments.
 */
export class Intake extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof intakeFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, intakeFunctions, props);
  }
}
