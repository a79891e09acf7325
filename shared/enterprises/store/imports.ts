/**
 * Import records (key: ./keys.ts `importKey`): one per file imported, named by the file's SHA-256, recording the firms
 * it registered and how far it got. An import writes its record (`writing`) before its first enterprise and marks it
 * `completed` after the last, or `rolled-back` when it took back what it wrote; so a file is imported once, and one
 * that was cut short (a timeout) is finished when sent again.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { EnterpriseImportConflictError } from './errors.ts';
import { importKey } from './keys.ts';

export type ImportStatus = 'writing' | 'completed' | 'rolled-back';

export interface ImportRecord {
  readonly importId: string;
  readonly fileName?: string;
  readonly status: ImportStatus;
  readonly usccs: readonly string[];
  readonly startedAt: string;
  readonly startedBy: string;
  readonly finishedAt?: string;
  readonly failure?: string;
}

export const getImport = async (importId: string): Promise<ImportRecord | undefined> => {
  const { Item } = await translateSdkErrors('读取导入记录', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: importKey(importId) })),
  );
  if (!Item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, ...record } = Item;
  return record as ImportRecord;
};

/**
 * Records that the import starts writing: new, again after it was rolled back, or after an attempt that started before
 * `abandonedBefore` and never finished (a function cut off; its time is up long since). Two requests with the same
 * file at once: the second is refused rather than writing beside the first.
 */
export const startImport = async (record: ImportRecord, abandonedBefore: string): Promise<void> => {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: { ...importKey(record.importId), type: 'enterprise-import', ...record },
        ConditionExpression:
          'attribute_not_exists(pk) or #status = :rolledBack or (#status = :writing and startedAt < :abandoned)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':rolledBack': 'rolled-back',
          ':writing': 'writing',
          ':abandoned': abandonedBefore,
        },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new EnterpriseImportConflictError('该文件已导入，或正在导入', { cause: error });
    }
    throw new PersistenceError(`记录导入失败：${(error as Error).name}`, { cause: error });
  }
};

export const finishImport = async (
  importId: string,
  status: Exclude<ImportStatus, 'writing'>,
  finishedAt: string,
  failure?: string,
): Promise<void> => {
  await translateSdkErrors('记录导入结果', () =>
    dynamo().send(
      new UpdateCommand({
        TableName: tableName('main'),
        Key: importKey(importId),
        UpdateExpression: `SET #status = :status, finishedAt = :at${failure ? ', failure = :failure' : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':at': finishedAt,
          ...(failure ? { ':failure': failure } : {}),
        },
      }),
    ),
  );
};
