/**
 * Grading schemes, versioned per industry (keys: ./keys.ts). Saving is one transaction: the new version (never
 * overwritten) and the pointer to the version in force, conditioned on the version it replaces. The example scheme for
 * industrial coating is version 1 of its industry while nothing is saved for it; the first saved version is 2.
 *
 * A saved version never changes, so this process keeps every version it has read.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { exampleScheme } from '#grading/domain/example-scheme.ts';
import type { GradingScheme } from '#grading/domain/scheme.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { SchemeVersionConflictError } from './errors.ts';
import { currentSchemeKey, currentSchemesPartition, schemePartition, schemeVersionKey } from './keys.ts';

/** The schemes Greenline ships, by industry: in force until an administrator saves one. */
const builtIn: ReadonlyMap<string, GradingScheme> = new Map([[exampleScheme.industry, exampleScheme]]);

const versions = new Map<string, GradingScheme>();
const cacheKey = (table: string, industry: string, version: number) => `${table}|${industry}|${version}`;

const schemeOf = (item: Record<string, unknown>): GradingScheme => {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _g, gsi1sk: _s, ...scheme } = item;
  return scheme as unknown as GradingScheme;
};

/** The scheme in force for `industry`: the saved one, else the built-in one, else none. */
export const getCurrentScheme = async (industry: string): Promise<GradingScheme | undefined> => {
  const { Item } = await translateSdkErrors(`读取 ${industry} 行业现行评分方案`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: currentSchemeKey(industry) })),
  );
  return Item ? schemeOf(Item) : builtIn.get(industry);
};

/** Version `version` of `industry`'s scheme, or undefined when there is no such version. */
export const getSchemeVersion = async (industry: string, version: number): Promise<GradingScheme | undefined> => {
  const table = tableName('main');
  const key = cacheKey(table, industry, version);
  const cached = versions.get(key);
  if (cached) return cached;
  const shipped = builtIn.get(industry);
  if (shipped && version === shipped.version) return shipped;
  const { Item } = await translateSdkErrors(`读取 ${industry} 行业评分方案第 ${version} 版`, () =>
    dynamo().send(new GetCommand({ TableName: table, Key: schemeVersionKey(industry, version) })),
  );
  if (!Item) return undefined;
  const scheme = schemeOf(Item);
  versions.set(key, scheme);
  return scheme;
};

/** The scheme in force of every industry, by industry. */
export const listCurrentSchemes = async (): Promise<GradingScheme[]> => {
  const items = await translateSdkErrors('读取各行业现行评分方案', () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': currentSchemesPartition },
    }),
  );
  const saved = items.map(schemeOf);
  const shipped = [...builtIn.values()].filter((scheme) => !saved.some((other) => other.industry === scheme.industry));
  return [...saved, ...shipped].sort((a, b) => a.industry.localeCompare(b.industry));
};

/** Every version of `industry`'s scheme, newest first (the built-in version 1 included while it is the first). */
export const listSchemeVersions = async (industry: string): Promise<GradingScheme[]> => {
  const items = await translateSdkErrors(`读取 ${industry} 行业评分方案各版本`, () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk and begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': schemePartition(industry), ':v': 'V#' },
      ScanIndexForward: false,
    }),
  );
  const saved = items.map(schemeOf);
  const shipped = builtIn.get(industry);
  return shipped && !saved.some((scheme) => scheme.version === shipped.version) ? [...saved, shipped] : saved;
};

/**
 * Saves `scheme` as the next version after `replaces` (0: the industry has none yet, or only the built-in one
 * replaced by version 2). SchemeVersionConflictError when another version was saved meanwhile.
 */
export const saveScheme = async (scheme: GradingScheme, replaces: number): Promise<GradingScheme> => {
  const table = tableName('main');
  const current =
    replaces === 0 || builtIn.get(scheme.industry)?.version === replaces
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: '#version = :replaces',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':replaces': replaces },
        };
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { ...schemeVersionKey(scheme.industry, scheme.version), type: 'grading-scheme', ...scheme },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table,
              Item: {
                ...currentSchemeKey(scheme.industry),
                type: 'grading-scheme',
                gsi1pk: currentSchemesPartition,
                gsi1sk: scheme.industry,
                ...scheme,
              },
              ...current,
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      throw new SchemeVersionConflictError(`${scheme.industryName}评分方案已被他人修改，请刷新后重试`, {
        cause: error,
      });
    }
    throw new PersistenceError(`保存评分方案失败：${(error as Error).name}`, { cause: error });
  }
  versions.set(cacheKey(table, scheme.industry, scheme.version), scheme);
  return scheme;
};
