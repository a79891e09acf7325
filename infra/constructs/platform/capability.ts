import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionDefinition } from '#platform/catalog/definitions.ts';
import { type FunctionConnections, GreenlineFunction } from './greenline-function.ts';
import { pascalCase } from './naming.ts';

/** What every capability construct is given: how its functions are named and logged, and what they may use. */
export interface CapabilityProps {
  /** Deployment stage, part of every function's name (`greenline-<stage>-<name>`). */
  readonly stage: string;
  readonly logRetention: RetentionDays;
  /** The shared tables, queues, mail and buckets; each function is connected to the ones it declares. */
  readonly connections: FunctionConnections;
}

/** A capability's functions, by the names its declarations give them. */
export type CapabilityFunctions<Name extends string> = Readonly<Record<Name, GreenlineFunction>>;

/**
 * Builds a capability's functions from its own declarations (`shared/<capability>/resources.ts`) on the base
 * {@link GreenlineFunction}, as children of the capability's construct, each connected to exactly the tables, queues,
 * mail and buckets it declares.
 */
export const createFunctions = <Name extends string>(
  scope: Construct,
  declarations: Readonly<Record<Name, FunctionDefinition>>,
  props: CapabilityProps,
): CapabilityFunctions<Name> => {
  const created = {} as Record<Name, GreenlineFunction>;
  for (const [name, definition] of Object.entries<FunctionDefinition>(declarations) as [Name, FunctionDefinition][]) {
    const fn = new GreenlineFunction(scope, pascalCase(name), {
      definition,
      stage: props.stage,
      logRetention: props.logRetention,
    });
    fn.connect(props.connections);
    created[name] = fn;
  }
  return created;
};

/** The function of `functions` named `name`, or an error naming `what` refers to it: a target outside the capability. */
export const functionNamed = <Name extends string>(
  functions: CapabilityFunctions<Name>,
  name: string,
  what: string,
): GreenlineFunction => {
  const found = Object.hasOwn(functions, name) ? functions[name as Name] : undefined;
  if (!found) throw new Error(`${what} names ${name}, which is not one of this capability's functions`);
  return found;
};
