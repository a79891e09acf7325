/**
 * The organisation directory: org units and users, in the main table.
 *
 * Keys (access pattern → key):
 * - unit by id → pk `UNIT#<id>`, sk `UNIT`
 * - the units directly below a unit → gsi1pk `CHILDREN#<parentId>`, gsi1sk `<unit id>`
 * - user by username → pk `USER#<username>`, sk `USER`
 * - users of a unit (the directory's people pickers) → the user item's gsi1pk `MEMBERS#<unitId>`, gsi1sk `<username>`
 * - users of a role, with their unit → one membership item per role: pk `USER#<username>`, sk `ROLE#<role>`,
 *   gsi1pk `ROLE#<role>`, gsi1sk `UNIT#<unitId>#<username>`
 *
 * Errors: a missing unit or user is an OrgUnitNotFoundError or UserNotFoundError (`./errors.ts`); anything the SDK
 * throws leaves as a PersistenceError naming the operation, with the SDK's error as `cause`.
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';
import { tableName } from '#platform/config.ts';
import type { OfficialRole } from '#platform/domain/principal.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { OrgUnitNotFoundError, UserNotFoundError } from './errors.ts';

const unitKey = (id: string) => ({ pk: `UNIT#${id}`, sk: 'UNIT' });
const userKey = (username: string) => ({ pk: `USER#${username}`, sk: 'USER' });

export const putOrgUnit = async (unit: OrgUnit): Promise<void> => {
  const write = new TransactWriteCommand({
    TransactItems: [
      {
        Put: {
          TableName: tableName('main'),
          Item: {
            ...unitKey(unit.id),
            type: 'unit',
            ...unit,
            ...(unit.parentId ? { gsi1pk: `CHILDREN#${unit.parentId}`, gsi1sk: unit.id } : {}),
          },
        },
      },
    ],
  });
  await translateSdkErrors(`保存单位 ${unit.id}`, () => dynamo().send(write));
};

export const listChildUnits = async (parentId: string): Promise<OrgUnit[]> => {
  const items = await translateSdkErrors(`读取单位 ${parentId} 的下级单位`, () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CHILDREN#${parentId}` },
    }),
  );
  return items.map((item) => withoutKeys<OrgUnit>(item));
};

export const getOrgUnit = async (id: string): Promise<OrgUnit> => {
  const { Item } = await translateSdkErrors(`读取单位 ${id}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: unitKey(id) })),
  );
  if (!Item) throw new OrgUnitNotFoundError(`单位 ${id} 不存在`);
  return withoutKeys<OrgUnit>(Item);
};

/** Writes a user and one membership item per role, in one transaction. */
export const putUser = async (user: User): Promise<void> => {
  const table = tableName('main');
  const write = new TransactWriteCommand({
    TransactItems: [
      {
        Put: {
          TableName: table,
          Item: {
            ...userKey(user.username),
            type: 'user',
            ...user,
            gsi1pk: `MEMBERS#${user.unitId}`,
            gsi1sk: user.username,
          },
        },
      },
      ...user.roles.map((role) => ({
        Put: {
          TableName: table,
          Item: {
            pk: `USER#${user.username}`,
            sk: `ROLE#${role}`,
            type: 'membership',
            gsi1pk: `ROLE#${role}`,
            gsi1sk: `UNIT#${user.unitId}#${user.username}`,
            username: user.username,
            unitId: user.unitId,
            displayName: user.displayName,
            email: user.email,
          },
        },
      })),
    ],
  });
  await translateSdkErrors(`保存用户 ${user.username}`, () => dynamo().send(write));
};

export const getUser = async (username: string): Promise<User> => {
  const { Item } = await translateSdkErrors(`读取用户 ${username}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: userKey(username) })),
  );
  if (!Item) throw new UserNotFoundError(`用户 ${username} 不存在`);
  return withoutKeys<User>(Item);
};

/** The users of each of `unitIds`, by unit and then username (one query per unit). */
export const listUnitUsers = async (unitIds: readonly string[]): Promise<User[]> => {
  const results = await translateSdkErrors('读取单位的用户', () =>
    Promise.all(
      unitIds.map((unitId) =>
        queryAll({
          TableName: tableName('main'),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': `MEMBERS#${unitId}` },
        }),
      ),
    ),
  );
  return results.flat().map((item) => withoutKeys<User>(item));
};

export interface RoleMember {
  readonly username: string;
  readonly unitId: string;
  readonly displayName: string;
  readonly email: string;
}

const toRoleMember = ({ username, unitId, displayName, email }: Record<string, unknown>) =>
  ({ username, unitId, displayName, email }) as RoleMember;

/** Users holding `role` in any of `unitIds` (e.g. the petition offices above a case's unit). */
export const listRoleMembers = async (role: OfficialRole, unitIds: readonly string[]): Promise<RoleMember[]> => {
  const results = await translateSdkErrors(`读取角色 ${role} 的成员`, () =>
    Promise.all(
      unitIds.map((unitId) =>
        queryAll({
          TableName: tableName('main'),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk and begins_with(gsi1sk, :unit)',
          ExpressionAttributeValues: { ':pk': `ROLE#${role}`, ':unit': `UNIT#${unitId}#` },
        }),
      ),
    ),
  );
  return results.flat().map(toRoleMember);
};

const publicIntakeKey = { pk: 'SETTING#public-intake-unit', sk: 'SETTING' };

/** The unit that owns complaints the public submits on the web (the bureau's petition office). Data, set by admins. */
export const getPublicIntakeUnitId = async (): Promise<string | undefined> => {
  const { Item } = await translateSdkErrors('读取网上信访受理单位', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: publicIntakeKey })),
  );
  return Item?.unitId as string | undefined;
};

export const setPublicIntakeUnitId = async (unitId: string): Promise<void> => {
  const write = new TransactWriteCommand({
    TransactItems: [{ Put: { TableName: tableName('main'), Item: { ...publicIntakeKey, type: 'setting', unitId } } }],
  });
  await translateSdkErrors('保存网上信访受理单位', () => dynamo().send(write));
};

/** Every user holding `role`, in any unit. */
export const listAllRoleMembers = async (role: OfficialRole): Promise<RoleMember[]> =>
  (
    await translateSdkErrors(`读取角色 ${role} 的成员`, () =>
      queryAll({
        TableName: tableName('main'),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `ROLE#${role}` },
      }),
    )
  ).map(toRoleMember);
