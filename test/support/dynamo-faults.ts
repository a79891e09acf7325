import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { PersistenceError } from '#platform/dynamodb/errors.ts';

/**
 * Fault injection for store tests: DynamoDB Local cannot be made to throttle or cancel a transaction on demand, so
 * these tests mock the document client. Call once at the top of a test file; each test starts with a reset mock.
 */
export const mockDynamo = (tableName: string) => {
  const dynamo = mockClient(DynamoDBDocumentClient);
  beforeEach(() => {
    vi.stubEnv('TABLE_NAME', tableName);
    dynamo.reset();
  });
  afterEach(() => vi.unstubAllEnvs());
  return dynamo;
};

export const throttling = () =>
  new ProvisionedThroughputExceededException({
    message: 'The level of configured provisioned throughput for the table was exceeded.',
    $metadata: { httpStatusCode: 400 },
  });

/** The error an operation fails with; the test fails if it succeeds. */
export const rejectionOf = (operation: Promise<unknown>): Promise<unknown> =>
  operation.then(
    () => expect.unreachable('the operation should fail'),
    (error: unknown) => error,
  );

/**
 * The store boundary's promise: a throttling error from DynamoDB comes out of `operation` as a PersistenceError that
 * names it, with the SDK error as `cause`. For `it.each([[name, operation] …])`.
 */
export const expectThrottlingNamed =
  (dynamo: ReturnType<typeof mockDynamo>) =>
  async (_name: string, operation: () => Promise<unknown>): Promise<void> => {
    // Prepare
    const sdkError = throttling();
    dynamo.onAnyCommand().rejects(sdkError);

    // Act
    const error = await rejectionOf(operation());

    // Assess
    expect(error).toBeInstanceOf(PersistenceError);
    expect(error).toMatchObject({
      name: 'PersistenceError',
      message: expect.stringContaining('ProvisionedThroughputExceededException'),
      cause: sdkError,
    });
  };
