import { Construct } from 'constructs';
import { ledgerFunctions } from '#ledger/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/** The four-colour ledger (`shared/ledger/resources.ts`): the read-only report of cases by deadline colour. */
export class Ledger extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof ledgerFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, ledgerFunctions, props);
  }
}
