import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Case } from '#cases/domain/case.ts';
import {
  CaseCompanionConflictError,
  commitTransition,
  createNumberedCase,
  getCase,
  getCaseWithHistory,
  getHistoryEntry,
  listOpenCasesDueBefore,
  listRecentComplaintsLike,
} from '#cases/store/cases.ts';
import { CaseNotFoundError, CaseVersionConflictError } from '#cases/store/errors.ts';
import { PersistenceError } from '#platform/dynamodb/errors.ts';
import { aCase } from '../../support/cases.ts';
import { expectThrottlingNamed, mockDynamo, rejectionOf, throttling } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('cases-store-test');

describe('the cases store', () => {
  it.each([
    ['getCase', () => getCase('case-1')],
    ['getCaseWithHistory', () => getCaseWithHistory('case-1')],
    ['getHistoryEntry', () => getHistoryEntry('case-1', 1)],
    ['listOpenCasesDueBefore', () => listOpenCasesDueBefore(new Date('2026-03-01T00:00:00Z'))],
    ['listRecentComplaintsLike', () => listRecentComplaintsLike('noise', '城东街道', new Date('2026-03-01T00:00:00Z'))],
    ['commitTransition', () => commitTransition({ changes: [], events: [] })],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );

  it('names a missing case CaseNotFoundError', async () => {
    dynamo.on(GetCommand).resolves({});

    await expect(getCase('case-404')).rejects.toThrow(CaseNotFoundError);
  });

  it('names a transaction cancelled by a failed version condition CaseVersionConflictError', async () => {
    // Prepare
    const cancelled = new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: { httpStatusCode: 400 },
      CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
    });
    dynamo.on(TransactWriteCommand).rejects(cancelled);

    // Act
    const error = await rejectionOf(commitTransition({ changes: [], events: [] }));

    // Assess
    expect(error).toBeInstanceOf(CaseVersionConflictError);
    expect(error).toMatchObject({ cause: cancelled });
  });
});

describe('createNumberedCase', () => {
  const { number: _number, ...draft } = aCase({ receivedAt: '2026-11-20T01:00:00.000Z' });
  const history = {
    caseId: draft.id,
    sequence: 1,
    at: draft.createdAt,
    actor: 'operator',
    role: 'operator',
    action: 'register',
    fromState: null,
    toState: 'registered',
    changes: {},
  } as const;
  const event = {
    id: '01KEVENTAAAAAAAAAAAAAAAAAA',
    type: 'complaint-registered',
    caseId: draft.id,
    occurredAt: draft.createdAt,
    sequence: 1,
  } as const;
  const claim = {
    label: 'idempotency-key',
    Put: { TableName: 'cases-store-test', Item: { pk: 'IDEMP#user:operator#abc', sk: 'IDEMP' } },
  };
  const cancelled = (...codes: string[]) =>
    new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: { httpStatusCode: 400 },
      CancellationReasons: codes.map((Code) => ({ Code })),
    });
  /** Cancels the case's transaction at the position of its last item (the companion) with `code`. */
  const cancelLastItem = (code: string) => (input: { TransactItems?: unknown[] }) => {
    const items = input.TransactItems ?? [];
    return Promise.reject(cancelled(...items.map((_, index) => (index === items.length - 1 ? code : 'None'))));
  };
  const gapsWritten = () =>
    dynamo
      .commandCalls(TransactWriteCommand)
      .flatMap((call) => call.args[0].input.TransactItems ?? [])
      .flatMap((item) => (item.Put && String(item.Put.Item?.sk).startsWith('GAP#') ? [item.Put.Item] : []));

  it('takes its number with one atomic ADD on the year’s counter and leaves the counter out of the transaction', async () => {
    // Prepare
    dynamo.on(UpdateCommand).resolves({ Attributes: { sequence: 42 } });
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    const stored: Case = await createNumberedCase(draft, history, event);

    // Assess
    expect(stored.number).toBe('GL-2026-000042');
    const [update] = dynamo.commandCalls(UpdateCommand);
    expect(update?.args[0].input).toMatchObject({
      Key: { pk: 'COUNTER#complaint#2026', sk: 'COUNTER' },
      UpdateExpression: expect.stringContaining('ADD #sequence :count'),
      ExpressionAttributeValues: expect.objectContaining({ ':count': 1 }),
    });
    expect(dynamo.commandCalls(GetCommand)).toEqual([]);
    const written = dynamo.commandCalls(TransactWriteCommand).flatMap((call) => call.args[0].input.TransactItems ?? []);
    expect(written.some((item) => String(item.Update?.Key?.pk ?? '').startsWith('COUNTER#'))).toBe(false);
  });

  it('records the gap a cancelled transaction leaves, and names the companion whose condition failed', async () => {
    // Prepare
    dynamo.on(UpdateCommand).resolves({ Attributes: { sequence: 7 } });
    dynamo.on(TransactWriteCommand).callsFakeOnce(cancelLastItem('ConditionalCheckFailed')).resolves({});

    // Act
    const error = await rejectionOf(createNumberedCase(draft, history, event, [claim]));

    // Assess
    expect(error).toBeInstanceOf(CaseCompanionConflictError);
    expect(error).toMatchObject({ label: 'idempotency-key' });
    expect(gapsWritten()).toEqual([
      expect.objectContaining({
        pk: 'COUNTER#complaint#2026',
        sk: 'GAP#000007',
        number: 'GL-2026-000007',
        reason: 'transaction-cancelled',
        detail: 'ConditionalCheckFailed: idempotency-key',
        numbered: { pk: `CASE#${draft.id}`, sk: 'CASE' },
      }),
    ]);
  });

  it('tries the transaction again under the same number while another transaction holds one of its items', async () => {
    // Prepare
    dynamo.on(UpdateCommand).resolves({ Attributes: { sequence: 8 } });
    dynamo.on(TransactWriteCommand).callsFakeOnce(cancelLastItem('TransactionConflict')).resolves({});

    // Act
    const stored = await createNumberedCase(draft, history, event, [claim]);

    // Assess
    expect(stored.number).toBe('GL-2026-000008');
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(1);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
    expect(gapsWritten()).toEqual([]);
  });

  it('returns the case when the transaction’s answer was lost but the case is stored, recording no gap', async () => {
    // Prepare: the transaction fails without a verdict; the gap record's check then finds the case.
    dynamo.on(UpdateCommand).resolves({ Attributes: { sequence: 9 } });
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }))
      .rejectsOnce(cancelled('ConditionalCheckFailed', 'None'));

    // Act
    const stored = await createNumberedCase(draft, history, event);

    // Assess
    expect(stored.number).toBe('GL-2026-000009');
  });

  it('records the gap when a transaction without a verdict did not store the case, and fails', async () => {
    // Prepare
    dynamo.on(UpdateCommand).resolves({ Attributes: { sequence: 10 } });
    dynamo.on(TransactWriteCommand).rejectsOnce(throttling()).resolves({});

    // Act
    const error = await rejectionOf(createNumberedCase(draft, history, event));

    // Assess
    expect(error).toBeInstanceOf(PersistenceError);
    expect(gapsWritten()).toEqual([
      expect.objectContaining({
        sk: 'GAP#000010',
        reason: 'transaction-failed',
        detail: 'ProvisionedThroughputExceededException',
      }),
    ]);
  });
});
