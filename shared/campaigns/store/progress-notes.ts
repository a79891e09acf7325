/**
 * Weekly progress notes, each task's week report (its first note, and how many followed) and the week's counters, in
 * the main table (keys: `./keys.ts`). A note, the report it makes or adds to, and the counters it moves are written in
 * one transaction: the counters always equal a count of the reports.
 *
 * Errors: a report created or changed by another note at the same moment is a CampaignWriteConflictError (read again
 * and retry); anything else the SDK throws leaves as a PersistenceError naming the operation, with the SDK's error as
 * `cause`.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { WeekReport } from '#campaigns/domain/grid.ts';
import type { ProgressNote } from '#campaigns/domain/progress.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { CampaignWriteConflictError } from './errors.ts';
import { noteKey, notesPartition, notesPrefix, reportKey, tallyKey } from './keys.ts';

/** A report as stored, without the keys and the campaign it is filed under. */
export const reportOf = (item: Record<string, unknown>): WeekReport => {
  const { campaignId: _campaignId, ...report } = withoutKeys<WeekReport & { campaignId: string }>(item);
  return report;
};

/** A task's report of a week, if one was filed. */
export const getWeekReport = async (
  campaignId: string,
  week: string,
  taskNumber: number,
): Promise<WeekReport | undefined> => {
  const { Item } = await translateSdkErrors(`读取任务 ${taskNumber} 的 ${week} 周报`, () =>
    dynamo().send(
      new GetCommand({
        TableName: tableName('main'),
        Key: reportKey(campaignId, week, taskNumber),
        ConsistentRead: true,
      }),
    ),
  );
  return Item ? reportOf(Item) : undefined;
};

/**
 * Stores a note. The first note of a task's week (`note.first`) creates the week's report and adds to the week's
 * counters (filed, and filed late); a later one adds to the report's count of notes.
 *
 * @throws CampaignWriteConflictError when another note created (or this one expected) the report first.
 */
export const storeNote = async (note: ProgressNote, filedOn: string): Promise<void> => {
  const table = tableName('main');
  const { campaignId, week, taskNumber } = note;
  const report: WeekReport = {
    week,
    taskNumber,
    filedAt: note.filedAt,
    filedOn,
    filedBy: note.filedBy,
    late: note.late,
    notes: 1,
  };
  const reportWrites = note.first
    ? [
        {
          Put: {
            TableName: table,
            Item: { ...reportKey(campaignId, week, taskNumber), type: 'campaign-report', campaignId, ...report },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: table,
            Key: tallyKey(campaignId, week),
            UpdateExpression: 'SET #type = :type, campaignId = :campaign, week = :week ADD filed :one, filedLate :late',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: {
              ':type': 'campaign-tally',
              ':campaign': campaignId,
              ':week': week,
              ':one': 1,
              ':late': note.late ? 1 : 0,
            },
          },
        },
      ]
    : [
        {
          Update: {
            TableName: table,
            Key: reportKey(campaignId, week, taskNumber),
            UpdateExpression: 'ADD notes :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ];
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { ...noteKey(campaignId, week, taskNumber, note.id), type: 'campaign-note', ...note },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...reportWrites,
        ] as never[],
      }),
    );
  } catch (error) {
    const codes = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
    if (codes.some((reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict')) {
      throw new CampaignWriteConflictError('该任务本周的报送正被同时更新，请重试', { cause: error });
    }
    await translateSdkErrors('保存进展情况', () => Promise.reject(error));
  }
};

/** A campaign's notes — of a week, and of one task in it, when given — by week, task and time filed. */
export const listNotes = async (
  campaignId: string,
  filter: { readonly week?: string; readonly taskNumber?: number } = {},
): Promise<ProgressNote[]> => {
  const prefix = filter.week ? notesPrefix(filter.week, filter.taskNumber) : undefined;
  const items = await translateSdkErrors(`读取专项行动 ${campaignId} 的进展情况`, () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: prefix ? 'pk = :pk and begins_with(sk, :prefix)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': notesPartition(campaignId), ...(prefix ? { ':prefix': prefix } : {}) },
      ConsistentRead: true,
    }),
  );
  const notes = items.map((item) => withoutKeys<ProgressNote>(item));
  return filter.taskNumber === undefined ? notes : notes.filter((note) => note.taskNumber === filter.taskNumber);
};
