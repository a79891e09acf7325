/**
 * Cases and their history, in the main table.
 *
 * Keys (access pattern → key):
 * - a case with its whole history, in one query → pk `CASE#<id>`; the case at sk `CASE`, history entries at
 *   sk `HISTORY#<sequence, 6 digits>` (append-only: written with attribute_not_exists, never updated)
 * - complaint numbers → a counter per kind and year at pk `COUNTER#<kind>#<year>`, sk `COUNTER`, advanced in the same
 *   transaction as the case it numbers, so numbers have no gaps and no repeats
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Case, type CaseEvent, formatCaseNumber, type HistoryEntry } from '#cases/domain/case.ts';
import type { Transition } from '#cases/domain/workflow.ts';
import { tableName } from '#platform/config.ts';
import { bureauYear } from '#platform/domain/time.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { entryWrites } from './case-index.ts';
import { CaseNotFoundError, CaseVersionConflictError } from './errors.ts';
import { outboxPut } from './outbox.ts';

const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' });

/**
 * The sparse index of open cases by the time the nightly check must next look at them (a colour change or an
 * escalation): only cases with such a time carry gsi2pk, so finished cases are never read.
 */
const openCasesByDeadline = 'OPEN';

/** Complaints of one category and town, by received time: where a new complaint's likely duplicates are. */
const duplicatePartition = (category: string, town: string | undefined) =>
  `LIKE#${category}#${(town ?? '').replace(/\s/g, '') || '-'}`;

/**
 * The stored item of a case: its keys, and the index attributes derived from it. Exported so that the sweep benchmark
 * (bench/sweep.ts) seeds exactly the item the app writes.
 */
export const toCaseItem = (item: Case) => ({
  ...caseKey(item.id),
  type: 'case',
  ...item,
  ...(item.nextCheckAt ? { gsi2pk: openCasesByDeadline, gsi2sk: `${item.nextCheckAt}#${item.id}` } : {}),
  ...(item.complaint
    ? {
        gsi1pk: duplicatePartition(item.complaint.category, item.complaint.place.town),
        gsi1sk: `${item.receivedAt}#${item.id}`,
      }
    : {}),
});
const historySortKey = (sequence: number) => `HISTORY#${String(sequence).padStart(6, '0')}`;
const counterKey = (kind: string, year: number) => ({ pk: `COUNTER#${kind}#${year}`, sk: 'COUNTER' });

/** How often to retry when another request took the next number first. */
const maxNumberAttempts = 25;

const isConditionFailure = (error: unknown, index: number): boolean =>
  error instanceof TransactionCanceledException &&
  error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';

/**
 * Stores a new case with its first history entry and its event, numbering it from the year's counter — all in one
 * transaction. Returns the stored case.
 */
export const createNumberedCase = async (
  draft: Omit<Case, 'number'>,
  history: HistoryEntry,
  event: CaseEvent,
  /** Items that stand or fall with the case (e.g. its public tracking record). */
  companions: readonly { Put: Record<string, unknown> }[] = [],
): Promise<Case> => {
  const table = tableName('main');
  const year = bureauYear(new Date(draft.receivedAt));
  const counter = counterKey(draft.kind, year);

  for (let attempt = 1; attempt <= maxNumberAttempts; attempt += 1) {
    const { Item } = await translateSdkErrors(`读取 ${year} 年编号`, () =>
      dynamo().send(new GetCommand({ TableName: table, Key: counter, ConsistentRead: true })),
    );
    const current = (Item?.sequence as number | undefined) ?? 0;
    const stored: Case = { ...draft, number: formatCaseNumber(year, current + 1) };
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: counter,
                UpdateExpression: 'SET #sequence = :next',
                ConditionExpression: current === 0 ? 'attribute_not_exists(#sequence)' : '#sequence = :current',
                ExpressionAttributeNames: { '#sequence': 'sequence' },
                ExpressionAttributeValues: { ':next': current + 1, ...(current === 0 ? {} : { ':current': current }) },
              },
            },
            {
              Put: {
                TableName: table,
                Item: toCaseItem(stored),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            historyPut(history),
            outboxPut(event),
            ...entryWrites(undefined, stored),
            ...(companions as never[]),
          ],
        }),
      );
      return stored;
    } catch (error) {
      if (isConditionFailure(error, 0)) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        continue;
      }
      throw new PersistenceError(`保存信访件失败：${(error as Error).name}`, { cause: error });
    }
  }
  throw new PersistenceError('编号分配冲突过多，请重试');
};

const historyPut = (entry: HistoryEntry) => ({
  Put: {
    TableName: tableName('main'),
    Item: { pk: `CASE#${entry.caseId}`, sk: historySortKey(entry.sequence), type: 'history', ...entry },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * Writes what an action changed — each case conditioned on the version it was read at, its new history entry, the
 * listing entries and the events — in one transaction. Someone else's write in between fails the whole of it.
 */
export const commitTransition = async (
  transition: Transition,
  /** Items that stand or fall with the change (e.g. deadline notices). */
  companions: readonly { Put: Record<string, unknown> }[] = [],
): Promise<void> => {
  const table = tableName('main');
  const items = transition.changes.flatMap(({ before, after, history }) => [
    {
      Put: {
        TableName: table,
        Item: toCaseItem(after),
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': before.version },
      },
    },
    ...(history ? [historyPut(history)] : []),
    ...entryWrites(before, after),
  ]);
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [...items, ...transition.events.map((event) => outboxPut(event)), ...(companions as never[])],
      }),
    );
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      error.CancellationReasons?.some((reason) => reason.Code === 'ConditionalCheckFailed')
    ) {
      throw new CaseVersionConflictError('事项已被他人同时更新，请刷新后重试', { cause: error });
    }
    if (error instanceof TransactionCanceledException) {
      const conflict = error.CancellationReasons?.some((reason) => reason.Code === 'TransactionConflict');
      if (conflict) throw new CaseVersionConflictError('事项正被他人更新，请稍后重试', { cause: error });
    }
    throw new PersistenceError(`保存办理记录失败：${(error as Error).name}`, { cause: error });
  }
};

export interface CaseWithHistory {
  readonly case: Case;
  readonly history: readonly HistoryEntry[];
}

/** A case and its whole history, oldest entry first, in one query. */
export const getCaseWithHistory = async (id: string): Promise<CaseWithHistory> => {
  const items = await translateSdkErrors(`读取督办事项 ${id}`, () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `CASE#${id}` },
      ConsistentRead: true,
    }),
  );
  const caseItem = items.find((item) => item.sk === 'CASE');
  if (!caseItem) throw new CaseNotFoundError(`督办事项 ${id} 不存在`);
  return {
    case: withoutKeys<Case>(caseItem),
    history: items.filter((item) => item.type === 'history').map((item) => withoutKeys<HistoryEntry>(item)),
  };
};

export const getCase = async (id: string): Promise<Case> => {
  const { Item } = await translateSdkErrors(`读取督办事项 ${id}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: caseKey(id), ConsistentRead: true })),
  );
  if (!Item) throw new CaseNotFoundError(`督办事项 ${id} 不存在`);
  return withoutKeys<Case>(Item);
};

/**
 * Open cases whose next deadline is before `cutoff`, earliest first: the nightly check reads only these, so its cost
 * grows with the cases near or past a deadline, not with every case ever stored.
 */
export const listOpenCasesDueBefore = async (cutoff: Date): Promise<Case[]> => {
  const items = await translateSdkErrors('读取临近期限的事项', () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :open and gsi2sk <= :cutoff',
      // `~` sorts after `#`: keys of cases due exactly at the cutoff are included.
      ExpressionAttributeValues: { ':open': openCasesByDeadline, ':cutoff': `${cutoff.toISOString()}~` },
    }),
  );
  return items.map((item) => withoutKeys<Case>(item));
};

/** One history entry, e.g. to quote the reason of the step an event reports. */
export const getHistoryEntry = async (caseId: string, sequence: number): Promise<HistoryEntry | undefined> => {
  const { Item } = await translateSdkErrors(`读取督办事项 ${caseId} 的办理记录`, () =>
    dynamo().send(
      new GetCommand({ TableName: tableName('main'), Key: { pk: `CASE#${caseId}`, sk: historySortKey(sequence) } }),
    ),
  );
  return Item ? withoutKeys<HistoryEntry>(Item) : undefined;
};

/** Complaints of a category and town received since `since`, newest first (at most 200): duplicate candidates. */
export const listRecentComplaintsLike = async (
  category: string,
  town: string | undefined,
  since: Date,
): Promise<Case[]> => {
  const { Items = [] } = await translateSdkErrors('读取疑似重复的信访件', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :like and gsi1sk >= :since',
        ExpressionAttributeValues: { ':like': duplicatePartition(category, town), ':since': since.toISOString() },
        ScanIndexForward: false,
        Limit: 200,
      }),
    ),
  );
  return Items.map((item) => withoutKeys<Case>(item));
};
