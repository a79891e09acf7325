/**
 * Numbered series (a docket's 立案文号, a year's complaint numbers): a counter item per series, advanced by one atomic
 * `ADD` just before the transaction that stores what the number names — never inside it, where every writer would
 * conflict on that one item and retry (see "Numbering and retries" in docs/architecture.md, where the cases store
 * first did this). Numbers are unique within a series and increase in the order they are taken. A number whose
 * transaction did not land is recorded beside the counter as a gap with the reason; only a process that dies between
 * the `ADD` and its transaction leaves a gap unrecorded.
 *
 * Keys: the counter at pk `<series>`, sk `COUNTER` (attribute `sequence`); a gap at sk `GAP#<sequence, 6 digits>`.
 * The series names its owner and scope, e.g. `DOCKET#<unit>#<year>`.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { logger } from '#platform/logger.ts';
import { dynamo } from './client.ts';
import { translateSdkErrors } from './errors.ts';

export const seriesCounterKey = (series: string) => ({ pk: series, sk: 'COUNTER' });
export const seriesGapKey = (series: string, sequence: number) => ({
  pk: series,
  sk: `GAP#${String(sequence).padStart(6, '0')}`,
});

/**
 * Takes the next `count` numbers of `series` in one atomic update, whatever else runs at the same time, and returns
 * them in order (a block: consecutive, nobody else's).
 *
 * @example
 * const [sequence] = await takeFromSeries(`DOCKET#${unitId}#2026`, '分配立案文号');
 */
export const takeFromSeries = async (series: string, operation: string, count = 1): Promise<number[]> => {
  if (count < 1) return [];
  const { Attributes } = await translateSdkErrors(operation, () =>
    dynamo().send(
      new UpdateCommand({
        TableName: tableName('main'),
        Key: seriesCounterKey(series),
        UpdateExpression: 'SET #type = :type ADD #sequence :count',
        ExpressionAttributeNames: { '#type': 'type', '#sequence': 'sequence' },
        ExpressionAttributeValues: { ':type': 'series-counter', ':count': count },
        ReturnValues: 'UPDATED_NEW',
      }),
    ),
  );
  const last = Number(Attributes?.sequence);
  return Array.from({ length: count }, (_, index) => last - count + 1 + index);
};

/** A number taken for an item that may not have been stored. */
export interface SeriesGap {
  readonly series: string;
  readonly sequence: number;
  /** The number as shown (`环立〔2026〕12号`). */
  readonly number: string;
  /** The key of the item the number was meant for: no gap is recorded when that item stands after all. */
  readonly numberedKey: Record<string, unknown>;
  /** `transaction-cancelled` (a condition failed) or `transaction-failed` (no verdict from DynamoDB). */
  readonly reason: 'transaction-cancelled' | 'transaction-failed';
  readonly detail: string;
  readonly recordedAt: string;
}

/**
 * Records that a number was taken but numbers nothing, and why — unless the item it was meant for is there after all
 * (a transaction whose answer was lost may have landed): one transaction that checks that item is absent and writes
 * the gap. Returns `numbered-stored` when the item was found, else `recorded` (a gap that cannot be recorded is logged:
 * the failure that caused it is the one to report).
 */
export const recordSeriesGap = async (gap: SeriesGap): Promise<'recorded' | 'numbered-stored'> => {
  const TableName = tableName('main');
  const { numberedKey, series, sequence, ...rest } = gap;
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: { TableName, Key: numberedKey, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName,
              Item: { ...seriesGapKey(series, sequence), type: 'number-gap', ...rest, numbered: numberedKey },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return 'recorded';
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
    ) {
      return 'numbered-stored';
    }
    logger.error('a number gap could not be recorded', { series, sequence, number: gap.number, error });
    return 'recorded';
  }
};
