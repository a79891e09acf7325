/**
 * Inspection records, enforcement cases and their figures by unit and day (keys: ./keys.ts). Every write of a record
 * carries the counters it changes (`ADD`, one update per unit on its path and day) in the same transaction, so the
 * figures never drift from the records.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { EnforcementCase } from '#inspections/domain/enforcement.ts';
import { type DayDelta, type FigureName, type Figures, figureNames, noFigures } from '#inspections/domain/figures.ts';
import type { Inspection } from '#inspections/domain/inspection.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, versionCondition, withoutKeys } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import type { LastInspection } from './draws.ts';
import { InspectionRecordedError, InspectionsVersionConflictError } from './errors.ts';
import {
  doneKey,
  enforcementKey,
  enforcementPartition,
  figuresKey,
  figuresPartition,
  inspectionKey,
  inspectionsPartition,
  lastInspectionKey,
} from './keys.ts';

type TransactItem = Record<string, unknown>;

/** One `ADD` per unit and day: the deltas of a change for every unit on `unitPath`. */
export const counterUpdates = (unitPath: readonly string[], deltas: readonly DayDelta[]): TransactItem[] => {
  const byDay = new Map<string, Partial<Record<FigureName, number>>>();
  for (const delta of deltas) {
    const sums = byDay.get(delta.date) ?? {};
    for (const name of figureNames) {
      const value = delta.add[name];
      if (value) sums[name] = (sums[name] ?? 0) + value;
    }
    byDay.set(delta.date, sums);
  }
  return unitPath.flatMap((unitId) =>
    [...byDay.entries()]
      .filter(([, sums]) => Object.keys(sums).length > 0)
      .map(([date, sums]) => {
        const names = Object.keys(sums) as FigureName[];
        return {
          Update: {
            TableName: tableName('main'),
            Key: figuresKey(unitId, date),
            UpdateExpression: `SET #type = :type ADD ${names.map((_, index) => `#f${index} :v${index}`).join(', ')}`,
            ExpressionAttributeNames: {
              '#type': 'type',
              ...Object.fromEntries(names.map((name, index) => [`#f${index}`, name])),
            },
            ExpressionAttributeValues: {
              ':type': 'inspection-figures',
              ...Object.fromEntries(names.map((name, index) => [`:v${index}`, sums[name]])),
            },
          },
        };
      }),
  );
};

const casePut = (enforcement: EnforcementCase, readVersion: number | undefined) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      ...enforcementKey(enforcement.id),
      type: 'enforcement-case',
      gsi1pk: enforcementPartition,
      gsi1sk: `${enforcement.filedOn}#${enforcement.id}`,
      ...enforcement,
    },
    ...versionCondition(readVersion),
  },
});

const cancellationCodes = (error: unknown): (string | undefined)[] | undefined =>
  error instanceof TransactionCanceledException
    ? (error.CancellationReasons ?? []).map((reason) => reason.Code)
    : undefined;

export interface InspectionWrite {
  readonly inspection: Inspection;
  /** Enforcement cases filed from its findings. */
  readonly cases: readonly EnforcementCase[];
  /** The firm's last inspection as read, replaced when this one is not older. */
  readonly lastRead: LastInspection | undefined;
  /** Writes of the enterprise register (a violation on record), conditioned on the firm's version. */
  readonly enterpriseWrites: readonly TransactItem[];
  readonly deltas: readonly DayDelta[];
}

/**
 * Stores an inspection, in one transaction with: the drawn firm marked inspected (once), the firm's last inspection,
 * the cases filed from it, the firm's record and the counters.
 *
 * @throws InspectionRecordedError when the drawn firm's inspection is recorded already.
 * @throws InspectionsVersionConflictError when the firm or its last inspection changed meanwhile (try again).
 */
export const saveInspection = async (write: InspectionWrite): Promise<void> => {
  const TableName = tableName('main');
  const { inspection } = write;
  const newest = !write.lastRead || write.lastRead.date <= inspection.date;
  const done = inspection.drawId
    ? [
        {
          Put: {
            TableName,
            Item: { ...doneKey(inspection.drawId, inspection.uscc), type: 'draw-done', inspectionId: inspection.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]
    : [];
  const last: LastInspection = {
    uscc: inspection.uscc,
    inspectionId: inspection.id,
    date: inspection.date,
    usernames: inspection.inspectors.map((inspector) => inspector.username),
  };
  const items: TransactItem[] = [
    {
      Put: {
        TableName,
        Item: {
          ...inspectionKey(inspection.id),
          type: 'inspection',
          gsi1pk: inspectionsPartition(inspection.date.slice(0, 4)),
          gsi1sk: `${inspection.date}#${inspection.id}`,
          ...inspection,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...done,
    ...(newest
      ? [
          {
            Put: {
              TableName,
              Item: { ...lastInspectionKey(inspection.uscc), type: 'last-inspection', ...last },
              ...(write.lastRead
                ? {
                    ConditionExpression: 'inspectionId = :read',
                    ExpressionAttributeValues: { ':read': write.lastRead.inspectionId },
                  }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
        ]
      : []),
    ...write.cases.map((enforcement) => casePut(enforcement, undefined)),
    ...write.enterpriseWrites,
    ...counterUpdates(inspection.unitPath, write.deltas),
  ];
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items as never[] }));
  } catch (error) {
    const codes = cancellationCodes(error);
    if (done.length > 0 && codes?.[1] === 'ConditionalCheckFailed') {
      throw new InspectionRecordedError(`该企业在本次抽取中的检查已记录`, { cause: error });
    }
    if (codes?.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict')) {
      throw new InspectionsVersionConflictError('企业或其检查记录正被同时修改，请重试', { cause: error });
    }
    throw new PersistenceError(`保存检查记录失败：${(error as Error).name}`, { cause: error });
  }
};

export const getInspection = async (id: string): Promise<Inspection | undefined> => {
  const { Item } = await translateSdkErrors('读取检查记录', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: inspectionKey(id) })),
  );
  return Item ? withoutKeys<Inspection>(Item) : undefined;
};

/** The inspections of `ids` found, in no particular order. */
export const getInspections = async (ids: readonly string[]): Promise<Inspection[]> => {
  const TableName = tableName('main');
  const found: Inspection[] = [];
  for (let start = 0; start < ids.length; start += 100) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(start, start + 100).map(inspectionKey);
    while (keys && keys.length > 0) {
      const requested = keys;
      const { Responses, UnprocessedKeys } = await translateSdkErrors('读取检查记录', () =>
        dynamo().send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: requested } } })),
      );
      found.push(...(Responses?.[TableName] ?? []).map((item) => withoutKeys<Inspection>(item)));
      keys = UnprocessedKeys?.[TableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
};

/** The inspections made from `from` to `to` (days), oldest first: one query per year. */
export const listInspections = async (from: string, to: string): Promise<Inspection[]> => {
  const years: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.push(String(year));
  const pages = await translateSdkErrors('读取检查记录', () =>
    Promise.all(
      years.map((year) =>
        queryAll({
          TableName: tableName('main'),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk and gsi1sk between :from and :to',
          ExpressionAttributeValues: { ':pk': inspectionsPartition(year), ':from': from, ':to': `${to}~` },
        }),
      ),
    ),
  );
  return pages.flat().map((item) => withoutKeys<Inspection>(item));
};

/** Files a case (new) or stores a step of it (conditioned on the version read), with its counters. */
export const saveEnforcementCase = async (
  before: EnforcementCase | undefined,
  after: EnforcementCase,
  deltas: readonly DayDelta[],
): Promise<void> => {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [casePut(after, before?.version), ...counterUpdates(after.unitPath, deltas)] as never[],
      }),
    );
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.[0] === 'ConditionalCheckFailed' || codes?.includes('TransactionConflict')) {
      throw new InspectionsVersionConflictError('案件已被他人修改，请刷新后重试', { cause: error });
    }
    throw new PersistenceError(`保存执法案件失败：${(error as Error).name}`, { cause: error });
  }
};

export const getEnforcementCase = async (id: string): Promise<EnforcementCase | undefined> => {
  const { Item } = await translateSdkErrors('读取执法案件', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: enforcementKey(id), ConsistentRead: true })),
  );
  return Item ? withoutKeys<EnforcementCase>(Item) : undefined;
};

/** Cases filed up to `to` (from `from` when given), oldest first. */
export const listEnforcementCases = async (to: string, from?: string): Promise<EnforcementCase[]> => {
  const items = await translateSdkErrors('读取执法案件', () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: from ? 'gsi1pk = :pk and gsi1sk between :from and :to' : 'gsi1pk = :pk and gsi1sk <= :to',
      ExpressionAttributeValues: { ':pk': enforcementPartition, ':to': `${to}~`, ...(from ? { ':from': from } : {}) },
    }),
  );
  return items.map((item) => withoutKeys<EnforcementCase>(item));
};

/** The counters of a unit summed over the days from `from` to `to`: one query. */
export const readFigures = async (unitId: string, from: string, to: string): Promise<Figures> => {
  const { Items = [] } = await translateSdkErrors('读取执法统计', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        KeyConditionExpression: 'pk = :pk and sk between :from and :to',
        ExpressionAttributeValues: { ':pk': figuresPartition(unitId), ':from': `DAY#${from}`, ':to': `DAY#${to}` },
      }),
    ),
  );
  const sums: Record<FigureName, number> = { ...noFigures };
  for (const item of Items) for (const name of figureNames) sums[name] += Number(item[name] ?? 0);
  return sums;
};
