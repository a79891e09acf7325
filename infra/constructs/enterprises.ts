import { Construct } from 'constructs';
import { enterprisesFunctions } from '#enterprises/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/** The enterprise register (`shared/enterprises/resources.ts`): registration, search, changes and Excel import. */
export class Enterprises extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof enterprisesFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, enterprisesFunctions, props);
  }
}
