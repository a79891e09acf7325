import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  commitTransition,
  getCase,
  getCaseWithHistory,
  getHistoryEntry,
  listOpenCasesDueBefore,
  listRecentComplaintsLike,
} from '#cases/store/cases.ts';
import { CaseNotFoundError, CaseVersionConflictError } from '#cases/store/errors.ts';
import { PersistenceError } from '#platform/dynamodb/errors.ts';
import { mockDynamo, rejectionOf, throttling } from '../../support/dynamo-faults.ts';

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
    async (_, operation) => {
      // Prepare
      const sdkError = throttling();
      dynamo.onAnyCommand().rejects(sdkError);

      // Act
      const error = await rejectionOf(operation());

      // Assess
      expect(error).toBeInstanceOf(PersistenceError);
      expect(error).toMatchObject({ name: 'PersistenceError', cause: sdkError });
    },
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
