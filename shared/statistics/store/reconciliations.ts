/**
 * The record of each reconciliation: when, by whom, what it found and whether (and why) it repaired.
 *
 * Keys (access pattern → key): the reconciliations, newest first → pk `RECONCILIATION`, sk `<at>#<id>` (append-only).
 *
 * Errors: anything the SDK throws leaves as a PersistenceError naming the operation, with the SDK's error as `cause`.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

export interface ReconciliationRecord {
  readonly id: string;
  readonly at: string;
  readonly by: string;
  readonly casesRead: number;
  readonly countersRead: number;
  readonly differences: number;
  readonly repaired: boolean;
  readonly reason?: string;
}

export const putReconciliation = async (record: ReconciliationRecord): Promise<void> => {
  await translateSdkErrors('保存统计核对记录', () =>
    dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: { pk: 'RECONCILIATION', sk: `${record.at}#${record.id}`, type: 'reconciliation', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
};

export const listReconciliations = async (limit: number): Promise<ReconciliationRecord[]> => {
  const { Items = [] } = await translateSdkErrors('读取统计核对记录', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'RECONCILIATION' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    ),
  );
  return Items.map(({ pk: _pk, sk: _sk, type: _type, ...record }) => record as ReconciliationRecord);
};
