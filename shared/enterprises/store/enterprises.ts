/**
 * Enterprises and their search entries (keys: ./keys.ts).
 *
 * An enterprise and its entries are written together: a new enterprise is one transaction (the item, conditioned on
 * not existing, and every entry); a change is one transaction of the item (conditioned on the version read) and the
 * entries it adds or moves, with the entries it no longer has deleted in the same transaction while they fit (100
 * items) and right after it otherwise. An entry left over by a failure in between only makes a search look at one
 * candidate more: a search checks every candidate against the enterprise itself.
 *
 * Errors: a new USCC that exists → EnterpriseExistsError; a version read that is no longer current →
 * EnterpriseVersionConflictError; a companion's failed condition → EnterpriseCompanionConflictError; anything else the
 * SDK throws → PersistenceError.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, versionCondition } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { EnterpriseCompanionConflictError, EnterpriseExistsError, EnterpriseVersionConflictError } from './errors.ts';
import { enterpriseKey, entrySortKey, facetPartition, facetsOf, usccOfSortKey } from './keys.ts';

/** An item another capability writes in the enterprise's transaction (e.g. the assessment that publishes a grade). */
export interface EnterpriseCompanion {
  readonly Put: {
    readonly TableName: string;
    readonly Item: Record<string, unknown>;
    readonly ConditionExpression?: string;
    readonly ExpressionAttributeNames?: Record<string, string>;
    readonly ExpressionAttributeValues?: Record<string, unknown>;
  };
}

const maxTransactionItems = 100;

const toItem = (enterprise: Enterprise) => ({ ...enterpriseKey(enterprise.uscc), type: 'enterprise', ...enterprise });

const fromItem = (item: Record<string, unknown>): Enterprise => {
  const { pk: _pk, sk: _sk, type: _type, ...enterprise } = item;
  return enterprise as unknown as Enterprise;
};

const entryKey = (uscc: string, facet: string) => ({ pk: `ENT#${uscc}`, sk: `IX#${facet}` });

const entryPut = (enterprise: Enterprise, facet: string) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      ...entryKey(enterprise.uscc, facet),
      type: 'enterprise-entry',
      uscc: enterprise.uscc,
      gsi1pk: facetPartition(facet),
      gsi1sk: entrySortKey(enterprise),
    },
  },
});

/** The entries to put and the keys of those to delete when `after` replaces `before` (all of them for a new one). */
const entryChanges = (before: Enterprise | undefined, after: Enterprise) => {
  const wanted = facetsOf(after);
  const had = before ? facetsOf(before) : [];
  const moved = !before || entrySortKey(before) !== entrySortKey(after);
  return {
    puts: wanted.filter((facet) => moved || !had.includes(facet)).map((facet) => entryPut(after, facet)),
    stale: had.filter((facet) => !wanted.includes(facet)).map((facet) => entryKey(after.uscc, facet)),
  };
};

/**
 * What storing `after` over `before` writes, for another capability's transaction: the item conditioned on the version
 * read and the search entries a change of flag or grade adds and removes (a few). A change of name rewrites every
 * entry and is refused here: `saveEnterprise` spreads it over as many writes as it needs.
 */
export const enterpriseWrites = (before: Enterprise, after: Enterprise): Record<string, unknown>[] => {
  if (entrySortKey(before) !== entrySortKey(after)) {
    throw new Error(`enterpriseWrites: ${after.uscc} changes its name; use saveEnterprise`);
  }
  const TableName = tableName('main');
  const { puts, stale } = entryChanges(before, after);
  return [
    { Put: { TableName, Item: toItem(after), ...versionCondition(before.version) } },
    ...puts,
    ...stale.map((Key) => ({ Delete: { TableName, Key } })),
  ];
};

const cancellationCodes = (error: unknown): (string | undefined)[] | undefined =>
  error instanceof TransactionCanceledException
    ? (error.CancellationReasons ?? []).map((reason) => reason.Code)
    : undefined;

/**
 * Stores `after`, new when `before` is absent, with its entries brought in line and `companions` in the same
 * transaction. Returns `after`.
 */
export const saveEnterprise = async (
  before: Enterprise | undefined,
  after: Enterprise,
  companions: readonly EnterpriseCompanion[] = [],
): Promise<Enterprise> => {
  const TableName = tableName('main');
  const { puts, stale } = entryChanges(before, after);
  const own = [
    {
      Put: {
        TableName,
        Item: toItem(after),
        ...versionCondition(before?.version),
      },
    },
    ...puts,
  ];
  const room = maxTransactionItems - own.length - companions.length;
  const deletes = stale.slice(0, Math.max(room, 0)).map((Key) => ({ Delete: { TableName, Key } }));
  const later = stale.slice(deletes.length);
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...own, ...deletes, ...companions] as never[] }));
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.[0] === 'ConditionalCheckFailed') {
      throw before
        ? new EnterpriseVersionConflictError('企业信息已被他人修改，请刷新后重试', { cause: error })
        : new EnterpriseExistsError(`统一社会信用代码 ${after.uscc} 已登记`, { cause: error });
    }
    if (codes?.slice(own.length + deletes.length).includes('ConditionalCheckFailed')) {
      throw new EnterpriseCompanionConflictError('同时写入的记录已被他人修改，请刷新后重试', { cause: error });
    }
    if (codes?.includes('TransactionConflict')) {
      throw new EnterpriseVersionConflictError('企业信息正被同时修改，请稍后重试', { cause: error });
    }
    throw new PersistenceError(`保存企业 ${after.uscc} 失败：${(error as Error).name}`, { cause: error });
  }
  // Only a rename together with other changes has more stale entries than fit; they are deleted one by one (no
  // BatchWriteItem: the functions are granted the item actions they use, and this path is rare).
  await translateSdkErrors(`删除企业 ${after.uscc} 的旧检索条目`, () =>
    Promise.all(later.map((Key) => dynamo().send(new DeleteCommand({ TableName, Key })))),
  );
  return after;
};

export const getEnterprise = async (uscc: string): Promise<Enterprise | undefined> => {
  const { Item } = await translateSdkErrors(`读取企业 ${uscc}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: enterpriseKey(uscc) })),
  );
  return Item ? fromItem(Item) : undefined;
};

/** The enterprises of `usccs` that are registered, in the order asked (BatchGet, 100 at a time). */
export const getEnterprises = async (usccs: readonly string[]): Promise<Enterprise[]> => {
  const TableName = tableName('main');
  const found = new Map<string, Enterprise>();
  const unique = [...new Set(usccs)];
  for (let start = 0; start < unique.length; start += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(start, start + 100).map(enterpriseKey);
    while (keys && keys.length > 0) {
      const requested = keys;
      const { Responses, UnprocessedKeys } = await translateSdkErrors('读取企业', () =>
        dynamo().send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: requested } } })),
      );
      for (const item of Responses?.[TableName] ?? []) {
        const enterprise = fromItem(item);
        found.set(enterprise.uscc, enterprise);
      }
      keys = UnprocessedKeys?.[TableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return usccs.flatMap((uscc) => {
    const enterprise = found.get(uscc);
    return enterprise ? [enterprise] : [];
  });
};

/** A page of an index partition, or of the intersection of several: USCCs in name order. */
export interface EntryPage {
  readonly usccs: readonly string[];
  /** The sort key to continue after, when more may follow. */
  readonly after?: string;
}

/**
 * The USCCs every one of `facets` holds, by name, after the sort key `after`, at most `limit`. One facet is read a
 * page at a time; several are each read whole (keys only) and intersected.
 */
export const findEntries = async (facets: readonly string[], limit: number, after?: string): Promise<EntryPage> => {
  const TableName = tableName('main');
  const condition = `gsi1pk = :pk${after === undefined ? '' : ' and gsi1sk > :after'}`;
  const values = (facet: string) => ({
    ':pk': facetPartition(facet),
    ...(after === undefined ? {} : { ':after': after }),
  });
  if (facets.length === 1) {
    const [facet] = facets as [string];
    const { Items = [], LastEvaluatedKey } = await translateSdkErrors('检索企业', () =>
      dynamo().send(
        new QueryCommand({
          TableName,
          IndexName: 'gsi1',
          KeyConditionExpression: condition,
          ExpressionAttributeValues: values(facet),
          ProjectionExpression: 'gsi1sk',
          Limit: limit,
        }),
      ),
    );
    const sortKeys = Items.map((item) => String(item.gsi1sk));
    return { usccs: sortKeys.map(usccOfSortKey), ...(LastEvaluatedKey ? { after: sortKeys.at(-1) } : {}) };
  }
  const partitions = await translateSdkErrors('检索企业', () =>
    Promise.all(
      facets.map((facet) =>
        queryAll({
          TableName,
          IndexName: 'gsi1',
          KeyConditionExpression: condition,
          ExpressionAttributeValues: values(facet),
          ProjectionExpression: 'gsi1sk',
        }),
      ),
    ),
  );
  const [first, ...rest] = partitions.map((items) => new Set(items.map((item) => String(item.gsi1sk))));
  const common = [...(first ?? [])].filter((sortKey) => rest.every((set) => set.has(sortKey))).sort();
  const page = common.slice(0, limit);
  return { usccs: page.map(usccOfSortKey), ...(common.length > limit ? { after: page.at(-1) } : {}) };
};

/**
 * How many entries a facet's partition holds, counted by DynamoDB (`Select: COUNT`, a page per MB of entries): no
 * entry comes back, but each is read, so it costs what reading the partition's keys would.
 */
export const countEntries = async (facet: string): Promise<number> => {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await translateSdkErrors('统计企业', () =>
      dynamo().send(
        new QueryCommand({
          TableName: tableName('main'),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': facetPartition(facet) },
          Select: 'COUNT',
          ExclusiveStartKey,
        }),
      ),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
};

/**
 * Takes back an enterprise an import registered (its item and entries), if it is still as the import wrote it: same
 * import, never changed since. Returns whether it was deleted.
 */
export const deleteImportedEnterprise = async (enterprise: Enterprise, importId: string): Promise<boolean> => {
  const TableName = tableName('main');
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName,
              Key: enterpriseKey(enterprise.uscc),
              ConditionExpression: 'importId = :importId and #version = :one',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':importId': importId, ':one': 1 },
            },
          },
          ...facetsOf(enterprise).map((facet) => ({ Delete: { TableName, Key: entryKey(enterprise.uscc, facet) } })),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return false;
    throw new PersistenceError(`撤销导入的企业 ${enterprise.uscc} 失败：${(error as Error).name}`, { cause: error });
  }
};
