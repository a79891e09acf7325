import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { type FunctionName, functions } from '#platform/catalog/catalog.ts';
import { localRegion } from './stand-ins.ts';

/** The account id the stand-ins use in ARNs (fauxqs answers with the same). */
export const localAccountId = '000000000000';

/** The name a function has locally, as it would have in AWS (`greenline-<name>`). */
export const localFunctionName = (name: FunctionName): string => `greenline-${name}`;

const logStreamName = (): string => {
  const date = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${date}/[$LATEST]${randomUUID().replaceAll('-', '')}`;
};

/**
 * A Lambda `Context` like the Node.js runtime passes: the function's name, memory and ARN from the resource catalog (`shared/platform/catalog/`), a
 * fresh request id, and `getRemainingTimeInMillis` counting down the function's timeout in real time from `startedAt`.
 */
export const lambdaContext = (
  name: FunctionName,
  options: { awsRequestId?: string; startedAt?: number } = {},
): Context => {
  const definition = functions[name];
  const functionName = localFunctionName(name);
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
