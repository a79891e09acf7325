/**
 * Transactional outbox: an event is written in the same transaction as the change it reports, then sent to SQS and
 * deleted. If the send fails (or the function dies first), the outbox relay schedule sends it later, so no event is
 * lost; consumers are idempotent, so a second send does no harm.
 *
 * Keys: pk `OUTBOX#<eventId>`, sk `OUTBOX`; pending entries by age → gsi1pk `OUTBOX`, gsi1sk `<occurredAt>#<eventId>`.
 *
 * Errors: anything the SDK throws leaves as a PersistenceError naming the operation, with the SDK's error as `cause`.
 */
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseEvent } from '#cases/domain/case.ts';
import { tableName } from '#platform/config.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

export const outboxPut = (event: CaseEvent) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      pk: `OUTBOX#${event.id}`,
      sk: 'OUTBOX',
      type: 'outbox',
      gsi1pk: 'OUTBOX',
      gsi1sk: `${event.occurredAt}#${event.id}`,
      event,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export const deleteOutboxEntry = async (eventId: string): Promise<void> => {
  await translateSdkErrors(`删除待投递事件 ${eventId}`, () =>
    dynamo().send(new DeleteCommand({ TableName: tableName('main'), Key: { pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' } })),
  );
};

/** Events still in the outbox that occurred before `before`, oldest first. */
export const listPendingEvents = async (before: Date, limit = 100): Promise<CaseEvent[]> => {
  const { Items = [] } = await translateSdkErrors('读取待投递事件', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk and gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': 'OUTBOX', ':before': before.toISOString() },
        Limit: limit,
      }),
    ),
  );
  return Items.map((item) => item.event as CaseEvent);
};
