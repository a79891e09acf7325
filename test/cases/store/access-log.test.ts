import { describe, it } from 'vitest';
import { listPersonalDataAccess, recordPersonalDataAccess } from '#cases/store/access-log.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('access-log-store-test');

describe('the personal-data access log', () => {
  it.each([
    [
      'recordPersonalDataAccess',
      () =>
        recordPersonalDataAccess({
          caseId: 'case-1',
          username: 'zhang.wei',
          roles: ['dispatcher'],
          at: '2026-03-01T00:00:00.000Z',
          purpose: '查看信访件',
        }),
    ],
    ['listPersonalDataAccess', () => listPersonalDataAccess('case-1')],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});
