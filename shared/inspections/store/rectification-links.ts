/**
 * The rectification problems an inspection's findings ask for (keys: ./keys.ts, `RECT#<finding>` in the inspection's
 * partition). Each goes `planned` → `stored` → `linked`:
 *
 * - `planned`, in the inspection's own transaction: the case id the finding names, the problem's fields and owners;
 * - `stored`, in the transaction of its case (`createNumberedCase`'s companion, conditioned on `planned`): so the case
 *   is stored once, whoever stores it, and a record says so;
 * - `linked`, with the case's number written on the finding in one transaction.
 *
 * Until `linked` it stays in the sparse index of unsettled links, where the next request finds what a failed or
 * cut-off one left.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Inspection, PlannedRectification } from '#inspections/domain/inspection.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import {
  inspectionKey,
  inspectionPartition,
  rectificationKey,
  rectificationPrefix,
  unsettledRectificationsPartition,
} from './keys.ts';

export type RectificationLinkState = 'planned' | 'stored' | 'linked';

export interface RectificationLink {
  readonly inspectionId: string;
  readonly finding: number;
  readonly caseId: string;
  readonly state: RectificationLinkState;
  /** While `planned`: what its case is to be. */
  readonly planned?: PlannedRectification;
  /** Once `linked`: the case's number. */
  readonly number?: string;
}

const unsettledIndex = (inspection: Pick<Inspection, 'id' | 'recordedAt'>, finding: number) => ({
  gsi1pk: unsettledRectificationsPartition,
  gsi1sk: `${inspection.recordedAt}#${inspection.id}#${String(finding).padStart(2, '0')}`,
});

/** The planned problems, for the inspection's transaction. */
export const plannedLinkPuts = (inspection: Inspection, planned: readonly PlannedRectification[]) =>
  planned.map((each) => ({
    Put: {
      TableName: tableName('main'),
      Item: {
        ...rectificationKey(inspection.id, each.finding),
        type: 'inspection-rectification',
        ...unsettledIndex(inspection, each.finding),
        inspectionId: inspection.id,
        finding: each.finding,
        caseId: each.caseId,
        state: 'planned' satisfies RectificationLinkState,
        planned: each,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }));

/**
 * The companion of a problem's case: its link marked `stored`, on the condition that it is still `planned` — so a
 * second attempt, or a concurrent one, cannot store the case again.
 */
export const storedLinkCompanion = (inspection: Pick<Inspection, 'id' | 'recordedAt'>, link: RectificationLink) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      ...rectificationKey(inspection.id, link.finding),
      type: 'inspection-rectification',
      ...unsettledIndex(inspection, link.finding),
      inspectionId: inspection.id,
      finding: link.finding,
      caseId: link.caseId,
      state: 'stored' satisfies RectificationLinkState,
    },
    ConditionExpression: '#state = :planned',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':planned': 'planned' satisfies RectificationLinkState },
  },
  label: '检查记录的整改问题',
});

/** The inspection and its rectification links: one consistent query of its partition. */
export const getInspectionWithLinks = async (
  id: string,
): Promise<{ inspection: Inspection | undefined; links: RectificationLink[] }> => {
  const items = await translateSdkErrors('读取检查记录', () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': inspectionPartition(id) },
      ConsistentRead: true,
    }),
  );
  const head = items.find((item) => item.sk === 'INSPECTION');
  return {
    inspection: head ? withoutKeys<Inspection>(head) : undefined,
    links: items
      .filter((item) => String(item.sk).startsWith(rectificationPrefix))
      .map((item) => withoutKeys<RectificationLink>(item))
      .sort((a, b) => a.finding - b.finding),
  };
};

/**
 * Writes each stored case's number on its finding and marks the links `linked` (out of the unsettled index), in one
 * transaction. A link found linked already (a concurrent settle) leaves it to that one.
 */
export const linkRectificationNumbers = async (
  inspectionId: string,
  numbers: readonly { readonly finding: number; readonly number: string }[],
): Promise<void> => {
  if (numbers.length === 0) return;
  const TableName = tableName('main');
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: inspectionKey(inspectionId),
              UpdateExpression: `SET ${numbers
                .map(({ finding }, index) => `findings[${finding}].rectificationNumber = :n${index}`)
                .join(', ')}`,
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: Object.fromEntries(numbers.map(({ number }, index) => [`:n${index}`, number])),
            },
          },
          ...numbers.map(({ finding, number }) => ({
            Update: {
              TableName,
              Key: rectificationKey(inspectionId, finding),
              UpdateExpression: 'SET #state = :linked, #number = :number REMOVE gsi1pk, gsi1sk',
              ConditionExpression: '#state = :stored',
              ExpressionAttributeNames: { '#state': 'state', '#number': 'number' },
              ExpressionAttributeValues: { ':linked': 'linked', ':stored': 'stored', ':number': number },
            },
          })),
        ],
      }),
    );
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      error.CancellationReasons?.some(
        (reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict',
      )
    ) {
      return;
    }
    throw new PersistenceError(`记录整改问题编号失败：${(error as Error).name}`, { cause: error });
  }
};

/** The inspections with a link not yet settled that were recorded before `before` (an instant), oldest first. */
export const listUnsettledInspections = async (before: string, limit: number): Promise<string[]> => {
  const { Items = [] } = await translateSdkErrors('读取未完成的整改问题登记', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk and gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': unsettledRectificationsPartition, ':before': before },
        Limit: limit,
      }),
    ),
  );
  return [...new Set(Items.map((item) => String(item.inspectionId)))];
};
