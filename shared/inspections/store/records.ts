/**
 * Inspection records, enforcement cases and their figures by unit and day (keys: ./keys.ts). Every write of a record
 * carries the counters it changes (`ADD`, one update per unit on its path and day) in the same transaction, so the
 * figures never drift from the records.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { docketNumberOf, type EnforcementCase } from '#inspections/domain/enforcement.ts';
import { type DayDelta, type FigureName, type Figures, figureNames, noFigures } from '#inspections/domain/figures.ts';
import type { Inspection, PlannedRectification } from '#inspections/domain/inspection.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, versionCondition, withoutKeys } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { recordSeriesGap, takeFromSeries } from '#platform/dynamodb/sequences.ts';
import { type IdempotencyClaimWrite, IdempotencyKeyClaimedError } from '#platform/idempotency.ts';
import type { LastInspection } from './draws.ts';
import { InspectionRecordedError, InspectionsVersionConflictError } from './errors.ts';
import {
  docketSeries,
  doneKey,
  enforcementKey,
  enforcementPartition,
  figuresKey,
  figuresPartition,
  inspectionKey,
  inspectionsPartition,
  lastInspectionKey,
} from './keys.ts';
import { plannedLinkPuts } from './rectification-links.ts';

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

/** The request's idempotency claim as an item of its record's transaction (its label stays out of DynamoDB's input). */
const claimItems = (claim: IdempotencyClaimWrite | undefined): TransactItem[] => (claim ? [{ Put: claim.Put }] : []);

/**
 * The claim's condition failed, or another transaction is writing it: a request with the same Idempotency-Key got
 * there first. Checked before any other condition of the transaction, so that the retry is answered with the first
 * request's record rather than refused for what that record changed.
 */
const claimTaken = (
  codes: readonly (string | undefined)[] | undefined,
  claimIndex: number,
  error: unknown,
  what: string,
): IdempotencyKeyClaimedError | undefined => {
  const code = claimIndex >= 0 ? codes?.[claimIndex] : undefined;
  return code === 'ConditionalCheckFailed' || code === 'TransactionConflict'
    ? new IdempotencyKeyClaimedError(`相同 Idempotency-Key 的请求已${what}`, { cause: error })
    : undefined;
};

export interface InspectionWrite {
  readonly inspection: Inspection;
  /** Enforcement cases filed from its findings. */
  readonly cases: readonly EnforcementCase[];
  /** The firm's last inspection as read, replaced when this one is not older. */
  readonly lastRead: LastInspection | undefined;
  /** Writes of the enterprise register (a violation on record), conditioned on the firm's version. */
  readonly enterpriseWrites: readonly TransactItem[];
  readonly deltas: readonly DayDelta[];
  /** The rectification problems its findings ask for, planned under the case ids the findings name. */
  readonly rectifications: readonly PlannedRectification[];
  /** The request's Idempotency-Key claim (`#platform/idempotency.ts`), when it carried one. */
  readonly claim?: IdempotencyClaimWrite;
}

/**
 * Stores an inspection, in one transaction with: the drawn firm marked inspected (once), the firm's last inspection,
 * the request's idempotency claim, the cases filed from it, the firm's record, the counters, and the rectification
 * problems planned (their cases are stored after, each exactly once: `services/rectification-links.ts`). At most 20
 * findings: 20 cases and 20 planned problems, with the inspection's own items, the firm's few and a counter per unit on
 * its path, stay far below DynamoDB's 100 items a transaction.
 *
 * @throws IdempotencyKeyClaimedError when another request with the same Idempotency-Key stored (or is storing) first.
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
    ...claimItems(write.claim),
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
    ...plannedLinkPuts(inspection, write.rectifications),
  ];
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items as never[] }));
  } catch (error) {
    const codes = cancellationCodes(error);
    const taken = claimTaken(codes, write.claim ? 1 + done.length : -1, error, '录入检查记录');
    if (taken) throw taken;
    if (done.length > 0 && codes?.[1] === 'ConditionalCheckFailed') {
      throw new InspectionRecordedError(`该企业在本次抽取中的检查已记录`, { cause: error });
    }
    if (codes?.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict')) {
      throw new InspectionsVersionConflictError('企业或其检查记录正被同时修改，请重试', { cause: error });
    }
    throw new PersistenceError(`保存检查记录失败：${(error as Error).name}`, { cause: error });
  }
};

/** Whether the drawn firm's inspection is recorded already, and which it is. */
export const getDrawnFirmInspectionId = async (drawId: string, uscc: string): Promise<string | undefined> => {
  const { Item } = await translateSdkErrors('读取抽中企业的检查记录', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: doneKey(drawId, uscc), ConsistentRead: true })),
  );
  return Item ? String(Item.inspectionId) : undefined;
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

/** A docket number taken from an enforcement body's series for a year. */
export interface Docket {
  readonly unitId: string;
  readonly year: number;
  readonly sequence: number;
  /** `环立〔2026〕12号`. */
  readonly number: string;
}

/**
 * Takes the next `count` docket numbers (立案文号) of the enforcement body `unitId` for `year`: one atomic `ADD` on the
 * series' counter, made just before the transaction that files the cases (`#platform/dynamodb/sequences.ts`).
 */
export const takeDocketNumbers = async (unitId: string, year: number, count: number): Promise<Docket[]> => {
  const sequences = await takeFromSeries(docketSeries(unitId, year), `分配 ${year} 年立案文号`, count);
  return sequences.map((sequence) => ({ unitId, year, sequence, number: docketNumberOf(year, sequence) }));
};

const isCancellation = (error: unknown): boolean => {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof TransactionCanceledException) return true;
  }
  return false;
};

/**
 * Records as gaps the docket numbers whose cases did not land because of `error` (their transaction's failure).
 * Returns whether a case was found stored after all — a transaction that gave no verdict may have landed, in which
 * case the numbers stand and nothing is recorded.
 */
export const recordDocketGaps = async (
  numbered: readonly { readonly docket: Docket; readonly caseId: string }[],
  error: unknown,
  at: string,
): Promise<boolean> => {
  const reason = isCancellation(error) ? 'transaction-cancelled' : 'transaction-failed';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const outcomes = await Promise.all(
    numbered.map(({ docket, caseId }) =>
      recordSeriesGap({
        series: docketSeries(docket.unitId, docket.year),
        sequence: docket.sequence,
        number: docket.number,
        numberedKey: enforcementKey(caseId),
        reason,
        detail,
        recordedAt: at,
      }),
    ),
  );
  return outcomes.includes('numbered-stored');
};

/**
 * Files a case (new) or stores a step of it (conditioned on the version read), with its counters and — for a filing
 * whose request carried an Idempotency-Key — the key's claim.
 *
 * @throws IdempotencyKeyClaimedError when another filing with the same Idempotency-Key stored (or is storing) first.
 * @throws InspectionsVersionConflictError when the case changed since it was read.
 */
export const saveEnforcementCase = async (
  before: EnforcementCase | undefined,
  after: EnforcementCase,
  deltas: readonly DayDelta[],
  claim?: IdempotencyClaimWrite,
): Promise<void> => {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          casePut(after, before?.version),
          ...claimItems(claim),
          ...counterUpdates(after.unitPath, deltas),
        ] as never[],
      }),
    );
  } catch (error) {
    const codes = cancellationCodes(error);
    const taken = claimTaken(codes, claim ? 1 : -1, error, '立案');
    if (taken) throw taken;
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

/** A unit's counter of one day as stored: the figures ever added to it (one never added is missing). */
export interface StoredFigureDay {
  readonly unitId: string;
  readonly day: string;
  readonly figures: Partial<Figures>;
}

/** A unit's counters day by day, from `from` to `to` when given (else every day), oldest first; every page read. */
export const readFigureDays = async (unitId: string, from?: string, to?: string): Promise<StoredFigureDay[]> => {
  const items = await translateSdkErrors('读取执法统计', () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk and sk between :from and :to',
      ExpressionAttributeValues: {
        ':pk': figuresPartition(unitId),
        ':from': `DAY#${from ?? ''}`,
        ':to': `DAY#${to ?? '~'}`,
      },
    }),
  );
  return items.map((item) => {
    const figures: Partial<Record<FigureName, number>> = {};
    for (const name of figureNames) if (item[name] !== undefined) figures[name] = Number(item[name]);
    return { unitId, day: String(item.sk).slice('DAY#'.length), figures };
  });
};

/** The counters of a unit summed over the days from `from` to `to`: one query (of every page). */
export const readFigures = async (unitId: string, from: string, to: string): Promise<Figures> => {
  const sums: Record<FigureName, number> = { ...noFigures };
  for (const { figures } of await readFigureDays(unitId, from, to)) {
    for (const name of figureNames) sums[name] += figures[name] ?? 0;
  }
  return sums;
};

/** Adds `deltas` to a unit's counters outside any record's change: a repair by reconciliation (one update per day). */
export const adjustFigures = async (unitId: string, deltas: readonly DayDelta[]): Promise<void> => {
  for (const item of counterUpdates([unitId], deltas)) {
    await translateSdkErrors(`修正单位 ${unitId} 的执法统计`, () =>
      dynamo().send(new UpdateCommand((item as { Update: UpdateCommandInput }).Update)),
    );
  }
};
