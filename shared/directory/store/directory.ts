/**
 * The organisation directory: org units and users, in the main table.
 *
 * Keys (access pattern → key):
 * - unit by id → pk `UNIT#<id>`, sk `UNIT`
 * - the units directly below a unit → gsi1pk `CHILDREN#<parentId>`, gsi1sk `<unit id>`
 * - user by username → pk `USER#<username>`, sk `USER`
 * - users of a role, with their unit → one membership item per role: pk `USER#<username>`, sk `ROLE#<role>`,
 *   gsi1pk `ROLE#<role>`, gsi1sk `UNIT#<unitId>#<username>`
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { OfficialRole } from '#directory/domain/roles.ts';
import type { User } from '#directory/domain/users.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { OrgUnitNotFoundError, UserNotFoundError } from '#platform/dynamodb/errors.ts';

const unitKey = (id: string) => ({ pk: `UNIT#${id}`, sk: 'UNIT' });
const userKey = (username: string) => ({ pk: `USER#${username}`, sk: 'USER' });

export const putOrgUnit = async (unit: OrgUnit): Promise<void> => {
  await dynamo().send(
    new TransactWriteCommand({
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
    }),
  );
};

export const listChildUnits = async (parentId: string): Promise<OrgUnit[]> => {
  const items = await queryAll({
    TableName: tableName('main'),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `CHILDREN#${parentId}` },
  });
  return items.map((item) => withoutKeys<OrgUnit>(item));
};

export const getOrgUnit = async (id: string): Promise<OrgUnit> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName('main'), Key: unitKey(id) }));
  if (!Item) throw new OrgUnitNotFoundError(`单位 ${id} 不存在`);
  return withoutKeys<OrgUnit>(Item);
};

/** Writes a user and one membership item per role, in one transaction. */
export const putUser = async (user: User): Promise<void> => {
  const table = tableName('main');
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table, Item: { ...userKey(user.username), type: 'user', ...user } } },
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
    }),
  );
};

export const getUser = async (username: string): Promise<User> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName('main'), Key: userKey(username) }));
  if (!Item) throw new UserNotFoundError(`用户 ${username} 不存在`);
  return withoutKeys<User>(Item);
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
  const results = await Promise.all(
    unitIds.map((unitId) =>
      queryAll({
        TableName: tableName('main'),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk and begins_with(gsi1sk, :unit)',
        ExpressionAttributeValues: { ':pk': `ROLE#${role}`, ':unit': `UNIT#${unitId}#` },
      }),
    ),
  );
  return results.flat().map(toRoleMember);
};

const publicIntakeKey = { pk: 'SETTING#public-intake-unit', sk: 'SETTING' };

/** The unit that owns complaints the public submits on the web (the bureau's petition office). Data, set by admins. */
export const getPublicIntakeUnitId = async (): Promise<string | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName('main'), Key: publicIntakeKey }));
  return Item?.unitId as string | undefined;
};

export const setPublicIntakeUnitId = async (unitId: string): Promise<void> => {
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [{ Put: { TableName: tableName('main'), Item: { ...publicIntakeKey, type: 'setting', unitId } } }],
    }),
  );
};

/** Every user holding `role`, in any unit. */
export const listAllRoleMembers = async (role: OfficialRole): Promise<RoleMember[]> =>
  (
    await queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `ROLE#${role}` },
    })
  ).map(toRoleMember);
