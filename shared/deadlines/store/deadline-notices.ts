/**
 * Deadline notices raised by the nightly check and sent by the morning run, recorded on their case.
 *
 * Keys: pk `CASE#<id>`, sk `NOTICE#<clock>#<kind>#<dueAt>` — one per clock, kind and deadline, so the same notice can
 * never be raised twice; pending ones by age → gsi1pk `NOTICE#pending`, gsi1sk `<raisedAt>#<caseId>#<kind>`
 * (removed once dispatched, so the morning run reads only what it must send).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DeadlineNotice } from '#deadlines/domain/deadlines.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

export interface PendingNotice extends DeadlineNotice {
  readonly caseId: string;
  readonly raisedAt: string;
  /** Stable id: the queue message id and the worker's idempotency key. */
  readonly id: string;
  readonly sk: string;
}

const noticeSortKey = (notice: DeadlineNotice) => `NOTICE#${notice.clock}#${notice.kind}#${notice.dueAt}`;

export const noticePut = (caseId: string, notice: DeadlineNotice, raisedAt: string) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      pk: `CASE#${caseId}`,
      sk: noticeSortKey(notice),
      type: 'notice',
      gsi1pk: 'NOTICE#pending',
      gsi1sk: `${raisedAt}#${caseId}#${notice.kind}`,
      caseId,
      raisedAt,
      ...notice,
    },
  },
});

export const listPendingNotices = async (): Promise<PendingNotice[]> => {
  const items = await translateSdkErrors('读取待发送的期限提醒', () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pending',
      ExpressionAttributeValues: { ':pending': 'NOTICE#pending' },
    }),
  );
  return items.map((item) => ({
    kind: item.kind as PendingNotice['kind'],
    clock: item.clock as PendingNotice['clock'],
    dueAt: item.dueAt as string,
    caseId: item.caseId as string,
    raisedAt: item.raisedAt as string,
    sk: item.sk as string,
    id: `${item.caseId}:${item.sk}`,
  }));
};

export const markNoticeDispatched = async (notice: PendingNotice, dispatchedAt: string): Promise<void> => {
  await translateSdkErrors(`标记事项 ${notice.caseId} 的期限提醒已发送`, () =>
    dynamo().send(
      new UpdateCommand({
        TableName: tableName('main'),
        Key: { pk: `CASE#${notice.caseId}`, sk: notice.sk },
        UpdateExpression: 'REMOVE gsi1pk, gsi1sk SET dispatchedAt = :at',
        ExpressionAttributeValues: { ':at': dispatchedAt },
      }),
    ),
  );
};
