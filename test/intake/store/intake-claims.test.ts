import { describe, it } from 'vitest';
import { getClaim } from '#intake/store/intake-claims.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('intake-claims-store-test');

describe('the intake claims store', () => {
  it.each([['getClaim', () => getClaim('user:zhang.wei', 'key-1', new Date('2026-03-01T00:00:00.000Z'))]])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});
