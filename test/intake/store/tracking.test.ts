import { describe, it } from 'vitest';
import { resolveTracking } from '#intake/store/tracking.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('tracking-store-test');

describe('the tracking store', () => {
  it.each([['resolveTracking', () => resolveTracking('GL-ABCD-EFGH', 'secret')]])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});
