/**
 * Draws with their snapshots, and the firms' last inspections the draw reads (keys: ./keys.ts).
 *
 * A draw is one transaction: the draw item, its snapshot's pieces, and the plan marked with the draw's id on the
 * condition that it has none and is still the version the draw read — so a plan is drawn once, a retry with another
 * seed cannot replace a result, and a change of the plan in between cannot slip under a draw made from the old one.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Draw } from '#inspections/domain/draw-record.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { PlanDrawnError, PlanVersionConflictError } from './errors.ts';
import {
  donePrefix,
  drawKey,
  drawPartition,
  drawsPartition,
  lastInspectionKey,
  planKey,
  snapshotKey,
  snapshotPieceLength,
  snapshotPrefix,
} from './keys.ts';
import { getPlan, undrawnAtVersion } from './plans.ts';

/** Who went to a firm last time. */
export interface LastInspection {
  readonly uscc: string;
  readonly inspectionId: string;
  readonly date: string;
  readonly usernames: readonly string[];
}

/**
 * @throws PlanDrawnError when the plan was drawn already.
 * @throws PlanVersionConflictError when the plan changed since `planVersion` was read.
 */
export const saveDraw = async (draw: Draw, snapshotJson: string, planVersion: number): Promise<void> => {
  const TableName = tableName('main');
  const undrawn = undrawnAtVersion(planVersion);
  const pieces: string[] = [];
  for (let start = 0; start < snapshotJson.length; start += snapshotPieceLength) {
    pieces.push(snapshotJson.slice(start, start + snapshotPieceLength));
  }
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: planKey(draw.planId),
              UpdateExpression: 'SET drawId = :draw',
              ...undrawn,
              ExpressionAttributeValues: { ...undrawn.ExpressionAttributeValues, ':draw': draw.id },
            },
          },
          {
            Put: {
              TableName,
              Item: {
                ...drawKey(draw.id),
                type: 'draw',
                gsi1pk: drawsPartition(draw.period),
                gsi1sk: `${draw.drawnAt}#${draw.id}`,
                ...draw,
                snapshotPieces: pieces.length,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...pieces.map((text, index) => ({
            Put: { TableName, Item: { ...snapshotKey(draw.id, index), type: 'draw-snapshot', text } },
          })),
        ],
      }),
    );
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
    ) {
      const plan = await getPlan(draw.planId);
      if (plan && !plan.drawId) {
        throw new PlanVersionConflictError('抽取期间抽查计划被修改，请按修改后的计划重新抽取', { cause: error });
      }
      throw new PlanDrawnError('该计划已抽取过（每个计划只抽取一次）', { cause: error });
    }
    throw new PersistenceError(`保存抽取结果失败：${(error as Error).name}`, { cause: error });
  }
};

export interface StoredDraw {
  readonly draw: Draw;
  readonly snapshotJson: string;
  /** The drawn firms inspected so far: USCC → inspection id. */
  readonly done: Readonly<Record<string, string>>;
}

/** The draw with its snapshot and the inspections recorded for it: one query of its partition. */
export const getStoredDraw = async (id: string): Promise<StoredDraw | undefined> => {
  const items = await translateSdkErrors('读取抽取结果', () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': drawPartition(id) },
      ConsistentRead: true,
    }),
  );
  const head = items.find((item) => item.sk === 'DRAW');
  if (!head) return undefined;
  const { snapshotPieces: _pieces, ...draw } = withoutKeys<Draw & { snapshotPieces: number }>(head);
  const snapshotJson = items
    .filter((item) => String(item.sk).startsWith(snapshotPrefix))
    .sort((a, b) => String(a.sk).localeCompare(String(b.sk)))
    .map((item) => String(item.text))
    .join('');
  const done = Object.fromEntries(
    items
      .filter((item) => String(item.sk).startsWith(donePrefix))
      .map((item) => [String(item.sk).slice(donePrefix.length), String(item.inspectionId)]),
  );
  return { draw, snapshotJson, done };
};

/** The draw item alone (no snapshot). */
export const getDraw = async (id: string): Promise<Draw | undefined> => {
  const { Item } = await translateSdkErrors('读取抽取结果', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: drawKey(id) })),
  );
  if (!Item) return undefined;
  const { snapshotPieces: _pieces, ...draw } = withoutKeys<Draw & { snapshotPieces: number }>(Item);
  return draw;
};

/** The draws of a period, newest first. */
export const listDraws = async (period: string): Promise<Draw[]> => {
  const { Items = [] } = await translateSdkErrors('读取抽取结果', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': drawsPartition(period) },
        ScanIndexForward: false,
      }),
    ),
  );
  return Items.map((item) => {
    const { snapshotPieces: _pieces, ...draw } = withoutKeys<Draw & { snapshotPieces: number }>(item);
    return draw;
  });
};

/** The last inspection of each firm of `usccs` that has one (BatchGet, 100 keys at a time). */
export const getLastInspections = async (usccs: readonly string[]): Promise<LastInspection[]> => {
  const TableName = tableName('main');
  const found: LastInspection[] = [];
  for (let start = 0; start < usccs.length; start += 100) {
    let keys: Record<string, unknown>[] | undefined = usccs.slice(start, start + 100).map(lastInspectionKey);
    while (keys && keys.length > 0) {
      const requested = keys;
      const { Responses, UnprocessedKeys } = await translateSdkErrors('读取上次检查', () =>
        dynamo().send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: requested } } })),
      );
      found.push(...(Responses?.[TableName] ?? []).map((item) => withoutKeys<LastInspection>(item)));
      keys = UnprocessedKeys?.[TableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
};
