import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { deleteOutboxEntry, listPendingEvents } from '#cases/store/outbox.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('outbox-store-test');

describe('the outbox store', () => {
  it.each([
    ['listPendingEvents', () => listPendingEvents(new Date('2026-03-01T00:00:00Z'))],
    ['deleteOutboxEntry', () => deleteOutboxEntry('evt-1')],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );

  it('lists the pending events the query returns', async () => {
    // Prepare
    const event = {
      id: 'evt-1',
      type: 'complaint-registered',
      caseId: 'case-1',
      occurredAt: '2026-02-28T23:00:00.000Z',
    };
    dynamo.on(QueryCommand).resolves({ Items: [{ pk: 'OUTBOX#evt-1', sk: 'OUTBOX', event }] });

    // Act
    const pending = await listPendingEvents(new Date('2026-03-01T00:00:00Z'));

    // Assess
    expect(pending).toEqual([event]);
  });
});
