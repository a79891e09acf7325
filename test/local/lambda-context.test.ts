import { afterEach, describe, expect, it, vi } from 'vitest';
import { functions } from '#platform/catalog/catalog.ts';
import { lambdaContext } from '../../local/lambda-context.ts';

afterEach(() => vi.useRealTimers());

describe('lambdaContext', () => {
  it("tells a catalog function's name, memory and ARN, and a fresh request id", () => {
    // Act
    const context = lambdaContext('get-case');
    const other = lambdaContext('get-case');

    // Assess
    expect(context).toMatchObject({
      functionName: 'greenline-get-case',
      functionVersion: '$LATEST',
      memoryLimitInMB: String(functions['get-case'].memoryMiB),
      invokedFunctionArn: 'arn:aws:lambda:ap-east-1:000000000000:function:greenline-get-case',
      logGroupName: '/aws/lambda/greenline-get-case',
    });
    expect(context.awsRequestId).not.toBe(other.awsRequestId);
    expect(() => context.succeed('done')).toThrow(/not supported/);
  });

  it("counts down the function's timeout from the start of the invocation", () => {
    // Prepare
    vi.useFakeTimers({ now: new Date('2026-03-01T00:00:00Z') });
    const context = lambdaContext({ name: 'test', memoryMiB: 512, timeoutSeconds: 30 }, { awsRequestId: 'req-1' });

    // Act
    vi.advanceTimersByTime(10_000);
    const remaining = context.getRemainingTimeInMillis();
    vi.advanceTimersByTime(60_000);

    // Assess
    expect(context).toMatchObject({ functionName: 'greenline-test', memoryLimitInMB: '512', awsRequestId: 'req-1' });
    expect(remaining).toBe(20_000);
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });
});
