import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type FunctionName, functions } from '#platform/catalog/catalog.ts';
import { functionEntry } from '#platform/catalog/definitions.ts';
import { lambdaContext, localFunctionName } from './lambda-context.ts';

/** A Lambda handler as the Node.js 24 runtime calls it (no callbacks). */
export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** Finds the handler of a function; the runtime loads `functions/<name>.ts`, tests pass fakes. */
export type HandlerLoader = (name: FunctionName) => Promise<LambdaHandler>;

export class FunctionTimeoutError extends Error {
  override name = 'FunctionTimeoutError';
}

export class HandlerNotFoundError extends Error {
  override name = 'HandlerNotFoundError';
}

const root = join(import.meta.dirname, '..');
let loading: Promise<unknown> = Promise.resolve();

/**
 * Imports `functions/<name>.ts` and returns its `handler`, as the Lambda runtime does on a cold start. The module is
 * evaluated once (later calls get the cached module). Imports run one at a time, each with AWS_LAMBDA_FUNCTION_NAME
 * set to that function's name, because Powertools snapshots it at module load (idempotency key prefixes): two
 * functions sharing the idempotency table keep their keys apart, as they do in AWS.
 */
export const loadFunctionHandler: HandlerLoader = (name) => {
  const load = loading.then(async () => {
    const previous = process.env.AWS_LAMBDA_FUNCTION_NAME;
    process.env.AWS_LAMBDA_FUNCTION_NAME = localFunctionName(name);
    try {
      return (await import(pathToFileURL(join(root, functionEntry(functions[name]))).href)) as { handler?: unknown };
    } finally {
      if (previous === undefined) delete process.env.AWS_LAMBDA_FUNCTION_NAME;
      else process.env.AWS_LAMBDA_FUNCTION_NAME = previous;
    }
  });
  loading = load.catch(() => undefined);
  return load.then((module) => {
    if (typeof module.handler !== 'function') {
      throw new HandlerNotFoundError(`${functionEntry(functions[name])} does not export a handler function`);
    }
    return module.handler as LambdaHandler;
  });
};

/**
 * Invokes a function like Lambda: a fresh `Context`, and the function's timeout from the resource catalog (`shared/platform/catalog/`) enforced
 * (the invocation fails with "Task timed out"; unlike Lambda, the handler's work cannot be killed and runs on).
 */
export const invokeFunction = async (
  loadHandler: HandlerLoader,
  name: FunctionName,
  event: unknown,
  options: { awsRequestId?: string } = {},
): Promise<unknown> => {
  const handler = await loadHandler(name);
  // As in Lambda, the timeout covers the invocation, not the cold start's module load.
  const startedAt = Date.now();
  const context = lambdaContext(name, { ...options, startedAt });
  const timeoutMs = functions[name].timeoutSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new FunctionTimeoutError(`Task timed out after ${functions[name].timeoutSeconds.toFixed(2)} seconds`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([Promise.resolve().then(() => handler(event, context)), timeout]);
  } finally {
    clearTimeout(timer);
  }
};
