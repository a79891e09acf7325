import { describe, it } from 'vitest';
import { countRequest } from '#platform/dynamodb/rate-limit.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('rate-limit-store-test');

describe('the request counters', () => {
  it.each([
    ['countRequest', () => countRequest('public-intake', '203.0.113.7', 600, new Date('2026-03-01T00:00:00Z'))],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});
