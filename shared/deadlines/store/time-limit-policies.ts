/**
 * Time-limit policy sets, versioned: every change is a new version, and cases keep the version they started with.
 *
 * Keys: each version at pk `POLICYSET`, sk `V#<000001>` (never overwritten) — "a given version" and, by range, "the
 * versions up to the one in force"; the version in force at pk `POLICYSET`, sk `CURRENT`. Until an administrator saves
 * one, the initial set (version 1) is in force; it is never stored (the first saved version is 2).
 *
 * A saved version never changes, so this process keeps every version it has read. Sets saved before `maxExtensions`
 * and `maxReturns` were policy data are read with the limits that were constants then.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  initialPolicySet,
  type PolicySet,
  type StoredTimeLimitPolicy,
  type TimeLimitPolicy,
  withLimitDefaults,
} from '#deadlines/domain/time-limit-policies.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { PolicySetVersionNotFoundError, PolicyVersionConflictError } from './errors.ts';

const partition = 'POLICYSET';
const versionSk = (version: number) => `V#${String(version).padStart(6, '0')}`;
const versionKey = (version: number) => ({ pk: partition, sk: versionSk(version) });
const currentKey = { pk: partition, sk: 'CURRENT' };

/** Versions read by this process, per table (tests run several tables in one process). */
const versions = new Map<string, Map<number, PolicySet>>();
const cacheOf = (table: string): Map<number, PolicySet> => {
  let cache = versions.get(table);
  if (!cache) {
    cache = new Map([[initialPolicySet.version, initialPolicySet]]);
    versions.set(table, cache);
  }
  return cache;
};

const policySetOf = (item: Record<string, unknown>, table: string): PolicySet => {
  const { version, policies, updatedAt, updatedBy } = item as {
    version: number;
    policies: readonly StoredTimeLimitPolicy[];
    updatedAt?: string;
    updatedBy?: string;
  };
  const set: PolicySet = { version, policies: policies.map(withLimitDefaults), updatedAt, updatedBy };
  cacheOf(table).set(version, set);
  return set;
};

export const getCurrentPolicySet = async (): Promise<PolicySet> => {
  const table = tableName('main');
  const { Item } = await translateSdkErrors('读取现行时限规则', () =>
    dynamo().send(new GetCommand({ TableName: table, Key: currentKey })),
  );
  return Item ? policySetOf(Item, table) : initialPolicySet;
};

/**
 * The policy sets of versions `1` to `through`, oldest first: from this process's memory, and the versions it has not
 * read yet in one query. Throws PolicySetVersionNotFoundError when one of them was never saved.
 */
export const getPolicySetVersions = async (through: number): Promise<PolicySet[]> => {
  const table = tableName('main');
  const cache = cacheOf(table);
  const wanted = Array.from({ length: through }, (_, index) => index + 1);
  const firstMissing = wanted.find((version) => !cache.has(version));
  if (firstMissing !== undefined) {
    const items = await translateSdkErrors('读取时限规则历史版本', () =>
      queryAll({
        TableName: table,
        KeyConditionExpression: 'pk = :pk and sk between :from and :through',
        ExpressionAttributeValues: {
          ':pk': partition,
          ':from': versionSk(firstMissing),
          ':through': versionSk(through),
        },
      }),
    );
    for (const item of items) policySetOf(item, table);
  }
  return wanted.map((version) => {
    const set = cache.get(version);
    if (!set) throw new PolicySetVersionNotFoundError(`时限规则第 ${version} 版不存在`);
    return set;
  });
};

/** Every saved version, newest first (the initial set is version 1 and is not stored until replaced). */
export const listPolicySetVersions = async (): Promise<PolicySet[]> => {
  const table = tableName('main');
  const items = await translateSdkErrors('读取时限规则历史版本', () =>
    queryAll({
      TableName: table,
      KeyConditionExpression: 'pk = :pk and begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': partition, ':v': 'V#' },
      ScanIndexForward: false,
    }),
  );
  return items.map((item) => policySetOf(item, table));
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
    throw new PersistenceError(`保存时限规则失败：${error instanceof Error ? error.name : String(error)}`, {
      cause: error,
    });
  }
  cacheOf(table).set(saved.version, saved);
  return saved;
};
