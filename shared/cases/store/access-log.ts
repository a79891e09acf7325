/**
 * The record of every read of unmasked personal data: who, when, which case, why.
 *
 * Keys: pk `ACCESS#<caseId>`, sk `<at>#<ulid>` — a partition of its own, so a case's reads never weigh on reading
 * the case; append-only (no update or delete is exposed).
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { tableName } from '#platform/config.ts';
import type { OfficialRole } from '#platform/domain/principal.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

export interface PersonalDataAccess {
  readonly caseId: string;
  readonly username: string;
  readonly roles: readonly OfficialRole[];
  readonly at: string;
  readonly purpose: string;
}

/** The record as a transaction item, for a write that shows personal data in its answer (e.g. registering a case). */
export const personalDataAccessPut = (access: PersonalDataAccess) => ({
  Put: {
    TableName: tableName('main'),
    Item: { pk: `ACCESS#${access.caseId}`, sk: `${access.at}#${ulid()}`, type: 'access', ...access },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export const recordPersonalDataAccess = async (access: PersonalDataAccess): Promise<void> => {
  await translateSdkErrors(`记录查看事项 ${access.caseId} 个人信息`, () =>
    dynamo().send(new PutCommand(personalDataAccessPut(access).Put)),
  );
};

export const listPersonalDataAccess = async (caseId: string): Promise<PersonalDataAccess[]> => {
  const { Items = [] } = await translateSdkErrors(`读取事项 ${caseId} 的个人信息查看记录`, () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ACCESS#${caseId}` },
      }),
    ),
  );
  return Items.map(({ caseId, username, roles, at, purpose }) => ({ caseId, username, roles, at, purpose }));
};
