import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { type FunctionName, functions } from '#platform/catalog/catalog.ts';
import type { FunctionDefinition } from '#platform/catalog/definitions.ts';
import { localAccountId, localRegion } from './aws-account.ts';

/** The name a function has locally, as it would have in AWS (`greenline-<name>`). */
export const localFunctionName = (name: string): string => `greenline-${name}`;

/** What a `Context` tells of its function. */
export type ContextFunction = Pick<FunctionDefinition, 'name' | 'memoryMiB' | 'timeoutSeconds'>;

const logStreamName = (): string => {
  const date = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${date}/[$LATEST]${randomUUID().replaceAll('-', '')}`;
};

/**
 * A Lambda `Context` like the Node.js runtime passes: the function's name, memory and ARN (from the resource catalog,
 * `shared/platform/catalog/`, for a function of it), a fresh request id, and `getRemainingTimeInMillis` counting down
 * the function's timeout in real time from `startedAt`. The runtime and the tests build their contexts here.
 *
 * @example
 * ```ts
 * lambdaContext('get-case'); // greenline-get-case, its memory and timeout
 * lambdaContext({ name: 'test', memoryMiB: 512, timeoutSeconds: 30 });
 * ```
 */
export const lambdaContext = (
  of: FunctionName | ContextFunction,
  options: { awsRequestId?: string; startedAt?: number } = {},
): Context => {
  const definition: ContextFunction = typeof of === 'string' ? functions[of] : of;
  const functionName = localFunctionName(definition.name);
  const deadline = (options.startedAt ?? Date.now()) + definition.timeoutSeconds * 1000;
  const legacy = () => {
    throw new Error('context.done/fail/succeed are not supported by the Node.js 24 runtime');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localRegion}:${localAccountId}:function:${functionName}`,
    memoryLimitInMB: String(definition.memoryMiB),
    awsRequestId: options.awsRequestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: logStreamName(),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: legacy,
    fail: legacy,
    succeed: legacy,
  };
};
