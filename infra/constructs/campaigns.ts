import { Construct } from 'constructs';
import { campaignsFunctions } from '#campaigns/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/**
 * Campaigns (`shared/campaigns/resources.ts`): creating a campaign with its tasks (a list, or a task table pasted or
 * uploaded), reading campaigns with their tasks × weeks grid, and the weekly progress notes.
 */
export class Campaigns extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof campaignsFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, campaignsFunctions, props);
  }
}
