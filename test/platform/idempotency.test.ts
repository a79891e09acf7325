import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '#platform/domain/errors.ts';
import {
  claimPut,
  getClaim,
  type IdempotencyClaim,
  IdempotencyKeyClaimedError,
  IdempotencyValidationError,
  idempotencyClaimLabel,
  idempotentRequest,
  onceForKey,
} from '#platform/idempotency.ts';
import { expectThrottlingNamed, mockDynamo, rejectionOf } from '../support/dynamo-faults.ts';

const dynamo = mockDynamo('idempotency-test');

const at = new Date('2026-03-01T00:00:00.000Z');
/** A claim alive whenever the test runs (`onceForKey` reads the clock). */
const inADay = Math.floor(Date.now() / 1000) + 86_400;

const aClaim = (overrides: Partial<IdempotencyClaim> = {}): IdempotencyClaim => ({
  scope: 'user:zhang.wei',
  recordId: '01KRECORDAAAAAAAAAAAAAAAAA',
  requestHash: idempotentRequest('user:zhang.wei', 'key-1', { cause: '超标排放' }).requestHash,
  claimedAt: at.toISOString(),
  expiresAt: inADay,
  ...overrides,
});

describe('an idempotent request', () => {
  it.each([['a'], ['hotline-20261120-0001'], ['~'.repeat(128)]])('takes the key %s', (key) => {
    expect(idempotentRequest('user:zhang.wei', key, {}).idempotencyKey).toBe(key);
  });

  it.each([[''], ['has spaces'], ['x'.repeat(129)], ['幂等键']])('refuses the key "%s", naming the header', (key) => {
    // Act
    const refusal = (() => {
      try {
        idempotentRequest('user:zhang.wei', key, {});
      } catch (error) {
        return error;
      }
    })();

    // Assess
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).errors).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
  });

  it('fingerprints the request whatever the order of its fields, and tells another request apart', () => {
    const hash = (request: unknown) => idempotentRequest('user:zhang.wei', 'key-1', request).requestHash;

    expect(hash({ uscc: 'A', findings: [{ b: 1, a: 2 }] })).toBe(hash({ findings: [{ a: 2, b: 1 }], uscc: 'A' }));
    expect(hash({ uscc: 'A' })).not.toBe(hash({ uscc: 'B' }));
  });
});

describe('the claim', () => {
  it('is a conditional put under the hash of the key in its caller’s scope, labelled, the key itself not stored', () => {
    // Act
    const write = claimPut(idempotentRequest('user:zhang.wei', 'secret-key', { a: 1 }), 'RECORD-1');

    // Assess
    expect(write.label).toBe(idempotencyClaimLabel);
    expect(write.Put).toMatchObject({
      TableName: 'idempotency-test',
      Item: { pk: expect.stringMatching(/^IDEMP#user:zhang\.wei#[\w-]{43}$/), sk: 'IDEMP', recordId: 'RECORD-1' },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
    });
    expect(JSON.stringify(write)).not.toContain('secret-key');
  });

  it('is read consistently; an expired one counts as absent', async () => {
    // Prepare
    dynamo
      .on(GetCommand)
      .resolvesOnce({ Item: aClaim() })
      .resolvesOnce({ Item: aClaim({ expiresAt: 1 }) });

    // Act
    const live = await getClaim('user:zhang.wei', 'key-1', at);
    const expired = await getClaim('user:zhang.wei', 'key-1', at);

    // Assess
    expect(live).toEqual(aClaim());
    expect(expired).toBeUndefined();
    expect(dynamo.commandCalls(GetCommand)[0]?.args[0].input.ConsistentRead).toBe(true);
  });

  it('reads a claim intake wrote before the claims moved here, which names its case caseId', async () => {
    // Prepare
    const { recordId, ...rest } = aClaim();
    dynamo.on(GetCommand).resolves({ Item: { ...rest, caseId: recordId, type: 'intake-claim' } });

    // Act
    const claim = await getClaim('user:zhang.wei', 'key-1', at);

    // Assess
    expect(claim?.recordId).toBe(recordId);
  });

  it.each([['getClaim', () => getClaim('user:zhang.wei', 'key-1', at)]])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});

describe('once for a key', () => {
  const request = idempotentRequest('user:zhang.wei', 'key-1', { cause: '超标排放' });

  it('answers with what the attempt stored when the key is free', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({});
    const replay = vi.fn();

    // Act
    const result = await onceForKey(request, async (earlier) => ({ done: (await earlier) ?? 'stored' }), replay);

    // Assess
    expect(result).toBe('stored');
    expect(replay).not.toHaveBeenCalled();
  });

  it('replays the earlier request the attempt found, and refuses one made with another body', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: aClaim() });
    const attempt = async (earlier: Promise<IdempotencyClaim | undefined>) => {
      const found = await earlier;
      return found ? { earlier: found } : { done: 'stored twice' };
    };
    const other = idempotentRequest('user:zhang.wei', 'key-1', { cause: '未批先建' });

    // Act
    const replayed = await onceForKey(request, attempt, async (earlier) => `replayed ${earlier.recordId}`);
    const refused = await rejectionOf(onceForKey(other, attempt, async () => 'replayed'));

    // Assess
    expect(replayed).toBe(`replayed ${aClaim().recordId}`);
    expect(refused).toBeInstanceOf(IdempotencyValidationError);
  });

  it('answers a request that lost the race with the winner’s record', async () => {
    // Prepare: the key is free when read with the rest; the winner's claim is there once the transaction failed.
    dynamo.on(GetCommand).resolvesOnce({}).resolves({ Item: aClaim() });

    // Act
    const result = await onceForKey(
      request,
      async () => {
        throw new IdempotencyKeyClaimedError('taken');
      },
      async (earlier) => `replayed ${earlier.recordId}`,
    );

    // Assess
    expect(result).toBe(`replayed ${aClaim().recordId}`);
  });

  it('answers 409 with Retry-After when the winner has not landed within the wait', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({});

    // Act
    const error = await rejectionOf(
      onceForKey(
        request,
        async () => {
          throw new IdempotencyKeyClaimedError('taken');
        },
        async () => 'replayed',
      ),
    );

    // Assess
    expect(error).toMatchObject({ name: 'IdempotencyAlreadyInProgressError', retryAfterSeconds: 1 });
  });

  it('lets any other failure of the attempt through, and takes the race-lost test it is given', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: aClaim() });
    const failure = new Error('the table is gone');
    class CompanionConflict extends Error {}

    // Act
    const passed = await rejectionOf(
      onceForKey(
        request,
        async () => {
          throw failure;
        },
        async () => 'replayed',
      ),
    );
    const custom = await onceForKey(
      request,
      async () => {
        throw new CompanionConflict('claim taken');
      },
      async () => 'replayed',
      (error) => error instanceof CompanionConflict,
    );

    // Assess
    expect(passed).toBe(failure);
    expect(custom).toBe('replayed');
  });
});
