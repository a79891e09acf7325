import { setTimeout as sleep } from 'node:timers/promises';
/**
 * Cases and their history, in the main table.
 *
 * Keys (access pattern → key):
 * - a case with its whole history, in one query → pk `CASE#<id>`; the case at sk `CASE`, history entries at
 *   sk `HISTORY#<sequence, 6 digits>` (append-only: written with attribute_not_exists, never updated)
 * - complaint numbers → a counter per kind and year at pk `COUNTER#<kind>#<year>`, sk `COUNTER`, advanced by an atomic
 *   `ADD` just before the transaction that stores the case (never inside it: every intake would then conflict on that
 *   one item); a number whose transaction did not land is recorded beside the counter, at sk `GAP#<sequence>`, with
 *   why — see "Numbering and retries" in docs/architecture.md
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Case, type CaseEvent, formatCaseNumber, type HistoryEntry } from '#cases/domain/case.ts';
import type { Transition } from '#cases/domain/workflow.ts';
import { now } from '#platform/clock.ts';
import { tableName } from '#platform/config.ts';
import { ConflictError } from '#platform/domain/errors.ts';
import { bureauYear } from '#platform/domain/time.ts';
import { dynamo, queryAll, versionCondition, withoutKeys } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { recordSeriesGap, type SeriesGap, takeFromSeries } from '#platform/dynamodb/sequences.ts';
import { counterWrites } from './case-counters.ts';
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
/** The number series of a kind and year: its counter at pk `COUNTER#<kind>#<year>`, its gaps beside it. */
const numberSeries = (kind: string, year: number) => `COUNTER#${kind}#${year}`;

/**
 * An item written (or deleted) with a new case, standing or falling with it (its public tracking record, the request's
 * idempotency claim, the record of who saw the complainant). `label` names it when its condition fails: see
 * CaseCompanionConflictError.
 */
export type CaseCompanion = (
  | { readonly Put: Record<string, unknown> }
  | { readonly Delete: Record<string, unknown> }
) & {
  readonly label?: string;
};

/** A companion's condition failed, so the case was not stored (e.g. another request claimed the idempotency key). */
export class CaseCompanionConflictError extends ConflictError {
  override name = 'CaseCompanionConflictError';
  readonly label: string;
  constructor(label: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.label = label;
  }
}

/**
 * How often a new case's transaction is tried again when DynamoDB cancels it for a transaction in flight on one of
 * its items — in practice a concurrent request with the same idempotency key, which will have landed or failed by then.
 */
const maxConflictAttempts = 8;

const cancellationCodes = (error: unknown): readonly (string | undefined)[] | undefined =>
  error instanceof TransactionCanceledException
    ? (error.CancellationReasons ?? []).map((reason) => reason.Code)
    : undefined;

/**
 * Records that `sequence` was taken but numbers no case, and why, unless the case is there after all (a transaction
 * whose answer was lost may have landed). Returns whether the case was found stored.
 */
const recordGap = async (
  draft: Omit<Case, 'number'>,
  year: number,
  sequence: number,
  reason: SeriesGap['reason'],
  detail: string,
): Promise<'recorded' | 'case-stored'> => {
  const outcome = await recordSeriesGap({
    series: numberSeries(draft.kind, year),
    sequence,
    number: formatCaseNumber(year, sequence, draft.kind),
    numberedKey: caseKey(draft.id),
    reason,
    detail,
    recordedAt: now().toISOString(),
  });
  return outcome === 'numbered-stored' ? 'case-stored' : 'recorded';
};

/**
 * Stores a new case with its first history entry, its listing entries and counters, its event and its companions in
 * one transaction, under the next number of its kind and year. The number is taken (atomic `ADD` on the year's counter) just before the transaction,
 * so concurrent intakes never conflict over it: numbers are unique and increase in the order they are taken. A number
 * whose case is not stored is recorded as a gap with the reason (a crash between the two calls leaves an unrecorded
 * gap). Returns the stored case.
 *
 * @throws CaseCompanionConflictError when a companion's condition fails (e.g. its idempotency key is taken).
 * @throws CaseVersionConflictError when a case changed by `alsoChanges` was changed by someone else meanwhile.
 * @throws PersistenceError when DynamoDB fails otherwise.
 */
export const createNumberedCase = async (
  draft: Omit<Case, 'number'>,
  history: HistoryEntry,
  event: CaseEvent,
  /** Items that stand or fall with the case (e.g. its public tracking record). */
  companions: readonly CaseCompanion[] = [],
  /**
   * Changes of other cases that stand or fall with the new one, given its number (a complaint naming the rectification
   * problem made from it): each written as `commitTransition` writes a change, conditioned on the version read.
   */
  alsoChanges?: (stored: Case) => Transition['changes'],
): Promise<Case> => {
  const table = tableName('main');
  const year = bureauYear(new Date(draft.receivedAt));
  const [sequence] = (await takeFromSeries(numberSeries(draft.kind, year), `分配 ${year} 年编号`)) as [number];
  const stored: Case = { ...draft, number: formatCaseNumber(year, sequence, draft.kind) };
  const linked = alsoChanges?.(stored) ?? [];
  const own = [
    { Put: { TableName: table, Item: toCaseItem(stored), ConditionExpression: 'attribute_not_exists(pk)' } },
    historyPut(history),
    outboxPut(event),
    ...entryWrites(undefined, stored),
    // One update per counter item, the linked changes' with the new case's (a transaction touches an item once).
    ...counterWrites([{ after: stored }, ...linked]),
  ];
  const items = [
    ...own,
    ...companions.map(({ label: _label, ...write }) => write),
    ...linked.flatMap(changeWrites),
  ] as never[];

  for (let attempt = 1; ; attempt += 1) {
    try {
      // A new command each attempt: each gets its own client request token.
      await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
      return stored;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) {
        // The outcome is unknown (the SDK gave up after its retries): the case may have been stored nonetheless.
        const gap = await recordGap(draft, year, sequence, 'transaction-failed', (error as Error).name);
        if (gap === 'case-stored') return stored;
        throw new PersistenceError(`保存信访件失败：${(error as Error).name}`, { cause: error });
      }
      if (codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed')) {
        if (attempt < maxConflictAttempts) {
          await sleep(Math.min(250, 10 * 2 ** attempt) * (0.5 + Math.random()));
          continue;
        }
      }
      const failed = codes.findIndex((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict');
      if (linked.length > 0 && failed >= own.length + companions.length) {
        await recordGap(draft, year, sequence, 'transaction-cancelled', `${codes[failed]}: a linked case changed`);
        throw new CaseVersionConflictError('所关联的事项已被他人同时更新，请刷新后重试', { cause: error });
      }
      const companion = failed >= own.length ? companions[failed - own.length] : undefined;
      const label = companion?.label ?? (failed >= 0 ? `item ${failed}` : 'transaction');
      await recordGap(draft, year, sequence, 'transaction-cancelled', `${codes[failed] ?? codes.join(',')}: ${label}`);
      if (companion?.label) {
        throw new CaseCompanionConflictError(companion.label, `${companion.label} 已被占用，信访件未保存`, {
          cause: error,
        });
      }
      throw new PersistenceError(`保存信访件失败：${(error as Error).name}`, { cause: error });
    }
  }
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
 * listing entries whose summary changed (`entryWrites`), the counters that change (`counterWrites`) and the events —
 * in one transaction. Someone else's write in
 * between fails the whole of it. The case is Put whole: an UpdateItem of the changed attributes would cost as much
 * (DynamoDB bills the larger of the item before and after) and the Put stores exactly what `toCaseItem` derives.
 */
/** The case conditioned on the version it was read at, its new history entry and its listing entries. */
const changeWrites = ({ before, after, history }: Transition['changes'][number]) => [
  { Put: { TableName: tableName('main'), Item: toCaseItem(after), ...versionCondition(before.version) } },
  ...(history ? [historyPut(history)] : []),
  ...entryWrites(before, after),
];

export const commitTransition = async (
  transition: Transition,
  /**
   * Items that stand or fall with the change (deadline notices, the survey answer that asked for a review): a Put,
   * Update, Delete or ConditionCheck each. A failed condition of theirs fails the change like a version conflict.
   */
  companions: readonly Record<string, unknown>[] = [],
): Promise<void> => {
  const items = transition.changes.flatMap(changeWrites);
  items.push(...(counterWrites(transition.changes) as never[]));
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
