import { Construct } from 'constructs';
import { directoryFunctions } from '#directory/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/** The directory (`shared/directory/resources.ts`): read-only views of the caller, the org units and their people. */
export class Directory extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof directoryFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, directoryFunctions, props);
  }
}
