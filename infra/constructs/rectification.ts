import { Construct } from 'constructs';
import { rectificationFunctions } from '#rectification/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/**
 * Rectification problems (`shared/rectification/resources.ts`): registering a problem, importing and exporting the
 * ledger, listing problems and the look-backs due. Their close-out steps go through the cases' `act-on-case`.
 */
export class Rectification extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof rectificationFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, rectificationFunctions, props);
  }
}
