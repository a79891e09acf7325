import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';
import {
  getOrgUnit,
  getPublicIntakeUnitId,
  getUser,
  listAllRoleMembers,
  listChildUnits,
  listRoleMembers,
  listUnitUsers,
  putOrgUnit,
  putUser,
  setPublicIntakeUnitId,
} from '#directory/store/directory.ts';
import { OrgUnitNotFoundError, UserNotFoundError } from '#directory/store/errors.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const aUnit: OrgUnit = { id: 'city', name: '市生态环境局', kind: 'bureau', parentId: null, path: ['city'] };
const aUser: User = {
  username: 'zhang.wei',
  displayName: '张伟',
  email: 'zhang.wei@greenline.local',
  roles: ['lead'],
  unitId: 'city',
};

const dynamo = mockDynamo('directory-store-test');

describe('the directory store', () => {
  it.each([
    ['getUser', () => getUser('zhang.wei')],
    ['getOrgUnit', () => getOrgUnit('city-petition')],
    ['listChildUnits', () => listChildUnits('city')],
    ['listRoleMembers', () => listRoleMembers('dispatcher', ['city', 'city-petition'])],
    ['listAllRoleMembers', () => listAllRoleMembers('lead')],
    ['listUnitUsers', () => listUnitUsers(['east', 'east-enforcement'])],
    ['getPublicIntakeUnitId', () => getPublicIntakeUnitId()],
    ['setPublicIntakeUnitId', () => setPublicIntakeUnitId('city-petition')],
    ['putOrgUnit', () => putOrgUnit(aUnit)],
    ['putUser', () => putUser(aUser)],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );

  it('names a missing user and a missing unit with the directory’s own errors', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({});

    // Act / Assess
    await expect(getUser('nobody')).rejects.toThrow(UserNotFoundError);
    await expect(getOrgUnit('nowhere')).rejects.toThrow(OrgUnitNotFoundError);
  });
});
