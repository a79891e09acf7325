/**
 * Time-limit policy sets, versioned: every change is a new version, and cases keep the version they started with.
 *
 * Keys: each version at pk `POLICYSET`, sk `V#<000001>` (never overwritten); the version in force at pk `POLICYSET`,
 * sk `CURRENT`. Until an administrator saves one, the initial set (version 1) is in force.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { initialPolicySet, type PolicySet, type TimeLimitPolicy } from '#deadlines/domain/time-limit-policies.ts';
import { tableName } from '#platform/config.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { PolicyVersionConflictError } from '#platform/dynamodb/errors.ts';

const versionKey = (version: number) => ({ pk: 'POLICYSET', sk: `V#${String(version).padStart(6, '0')}` });
const currentKey = { pk: 'POLICYSET', sk: 'CURRENT' };

export const getCurrentPolicySet = async (): Promise<PolicySet> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName('main'), Key: currentKey }));
  if (!Item) return initialPolicySet;
  const { version, policies, updatedAt, updatedBy } = Item;
  return { version, policies, updatedAt, updatedBy } as PolicySet;
};

/** Every saved version, newest first (the initial set is version 1 and is not stored until replaced). */
export const listPolicySetVersions = async (): Promise<PolicySet[]> => {
  const { Items = [] } = await dynamo().send(
    new QueryCommand({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk and begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': 'POLICYSET', ':v': 'V#' },
      ScanIndexForward: false,
    }),
  );
  return Items.map(
    ({ version, policies, updatedAt, updatedBy }) => ({ version, policies, updatedAt, updatedBy }) as PolicySet,
  );
};

/** Saves `policies` as the next version, if the version in force is still `basedOn`. */
export const savePolicySet = async (
  policies: readonly TimeLimitPolicy[],
  basedOn: number,
  updatedBy: string,
  updatedAt: string,
): Promise<PolicySet> => {
  const saved: PolicySet = { version: basedOn + 1, policies, updatedAt, updatedBy };
  const table = tableName('main');
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { ...versionKey(saved.version), type: 'policy-set', ...saved },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table,
              Item: { ...currentKey, type: 'policy-set', ...saved },
              ConditionExpression:
                basedOn === initialPolicySet.version
                  ? 'attribute_not_exists(pk) or version = :based'
                  : 'version = :based',
              ExpressionAttributeValues: { ':based': basedOn },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      throw new PolicyVersionConflictError('时限规则已被他人修改，请刷新后重试', { cause: error });
    }
    throw error;
  }
  return saved;
};
