import type { Context } from 'aws-lambda';
import type { FunctionName } from '#platform/catalog/catalog.ts';
import type { HandlerLoader, LambdaHandler } from '../../local/functions.ts';

export interface Invocation {
  readonly name: FunctionName;
  readonly event: unknown;
  readonly context: Context;
}

/** A handler loader over fake handlers that records every invocation. */
export const fakeHandlers = (handlers: Partial<Record<FunctionName, LambdaHandler>>) => {
  const invocations: Invocation[] = [];
  const loadHandler: HandlerLoader = async (name) => {
    const handler = handlers[name];
    if (!handler) throw new Error(`no fake handler for ${name}`);
    return async (event, context) => {
      invocations.push({ name, event, context });
      return handler(event, context);
    };
  };
  return { loadHandler, invocations };
};
