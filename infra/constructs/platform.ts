import { Construct } from 'constructs';
import { platformFunctions } from '#platform/resources.ts';
import { type CapabilityFunctions, type CapabilityProps, createFunctions } from './platform/capability.ts';

/**
 * The platform's own functions (`shared/platform/resources.ts`): the health check and the API's OpenAPI document.
 * The platform's shared resources — tables, mail, attachments, alarms, the API — are in `infra/constructs/platform/`.
 */
export class PlatformEndpoints extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof platformFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps) {
    super(scope, id);
    this.functions = createFunctions(this, platformFunctions, props);
  }
}
