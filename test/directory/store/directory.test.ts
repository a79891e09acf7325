import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';
import {
  getOrgUnit,
  getPublicIntakeUnitId,
  getUser,
  listAllRoleMembers,
  listChildUnits,
  listRoleMembers,
  putOrgUnit,
  putUser,
  setPublicIntakeUnitId,
} from '#directory/store/directory.ts';
import { OrgUnitNotFoundError, UserNotFoundError } from '#directory/store/errors.ts';
import { PersistenceError } from '#platform/dynamodb/errors.ts';

// Fault injection: DynamoDB Local cannot be made to throttle on demand.
const dynamo = mockClient(DynamoDBDocumentClient);

const throttling = () =>
  new ProvisionedThroughputExceededException({
    message: 'The level of configured provisioned throughput for the table was exceeded.',
    $metadata: { httpStatusCode: 400 },
  });

const aUnit: OrgUnit = { id: 'city', name: '市生态环境局', kind: 'bureau', parentId: null, path: ['city'] };
const aUser: User = {
  username: 'zhang.wei',
  displayName: '张伟',
  email: 'zhang.wei@greenline.local',
  roles: ['lead'],
  unitId: 'city',
};

const rejectionOf = (operation: Promise<unknown>): Promise<unknown> =>
  operation.then(
    () => expect.unreachable('the operation should fail'),
    (error: unknown) => error,
  );

beforeEach(() => {
  vi.stubEnv('TABLE_NAME', 'directory-store-test');
  dynamo.reset();
});
afterEach(() => vi.unstubAllEnvs());

describe('the directory store', () => {
  it.each([
    ['getUser', () => getUser('zhang.wei')],
    ['getOrgUnit', () => getOrgUnit('city-petition')],
    ['listChildUnits', () => listChildUnits('city')],
    ['listRoleMembers', () => listRoleMembers('dispatcher', ['city', 'city-petition'])],
    ['listAllRoleMembers', () => listAllRoleMembers('lead')],
    ['getPublicIntakeUnitId', () => getPublicIntakeUnitId()],
    ['setPublicIntakeUnitId', () => setPublicIntakeUnitId('city-petition')],
    ['putOrgUnit', () => putOrgUnit(aUnit)],
    ['putUser', () => putUser(aUser)],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    async (_, operation) => {
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
    },
  );

  it('names a missing user and a missing unit with the directory’s own errors', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({});

    // Act / Assess
    await expect(getUser('nobody')).rejects.toThrow(UserNotFoundError);
    await expect(getOrgUnit('nowhere')).rejects.toThrow(OrgUnitNotFoundError);
  });
});
