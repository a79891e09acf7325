/**
 * Ledger imports (keys: ./keys.ts): the import record, written `creating` with each row's planned case id before the
 * first case is stored, and `ready` with the report once every row's case is; and each row's record, stored with its
 * case. See `services/import-ledger.ts` for why.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { importKey, importPartition, rowKey, rowPrefix } from './keys.ts';

/** A row of the import: its number in the ledger (sorted, unique) and the id its case has or will have. */
export interface PlannedRow {
  readonly number: number;
  readonly caseId: string;
}

/** What the import answered, row by row, kept so a replay answers the same. */
export interface ImportedRow {
  readonly ref: string;
  readonly label: string;
  readonly number: number;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly assigned: boolean;
  readonly warnings: readonly string[];
}

export interface LedgerImport {
  readonly importId: string;
  readonly status: 'creating' | 'ready';
  readonly unitId: string;
  readonly rows: readonly PlannedRow[];
  readonly startedAt: string;
  readonly startedBy: string;
  readonly readyAt?: string;
  readonly report?: readonly ImportedRow[];
}

export const getLedgerImport = async (importId: string): Promise<LedgerImport | undefined> => {
  const { Item } = await translateSdkErrors('读取台账导入记录', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: importKey(importId), ConsistentRead: true })),
  );
  return Item ? withoutKeys<LedgerImport>(Item) : undefined;
};

/** Records the import with its planned rows; `false` when a concurrent attempt of the same request recorded it first. */
export const startLedgerImport = async (record: LedgerImport): Promise<boolean> => {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: { ...importKey(record.importId), type: 'rectification-import', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw new PersistenceError(`记录台账导入失败：${(error as Error).name}`, { cause: error });
  }
};

/** The companion of a row's case: its record, conditioned on not existing. */
export const rowCompanion = (importId: string, row: PlannedRow, at: string) => ({
  Put: {
    TableName: tableName('main'),
    Item: { ...rowKey(importId, row.number), type: 'rectification-import-row', ...row, storedAt: at },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
  label: 'rectification-import-row',
});

/** The numbers of the rows whose case is stored. */
export const storedRowNumbers = async (importId: string): Promise<number[]> => {
  const items = await translateSdkErrors('读取台账导入的已建问题', () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk and begins_with(sk, :row)',
      ExpressionAttributeValues: { ':pk': importPartition(importId), ':row': rowPrefix },
      ConsistentRead: true,
    }),
  );
  return items.map((item) => Number(item.number));
};

/** Marks the import ready with its report (again, harmlessly, when a concurrent attempt did). */
export const markLedgerImportReady = async (
  importId: string,
  report: readonly ImportedRow[],
  at: string,
): Promise<void> => {
  await translateSdkErrors('完成台账导入', () =>
    dynamo().send(
      new UpdateCommand({
        TableName: tableName('main'),
        Key: importKey(importId),
        UpdateExpression: 'SET #status = :ready, readyAt = if_not_exists(readyAt, :at), report = :report',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':ready': 'ready', ':at': at, ':report': report },
      }),
    ),
  );
};
