/**
 * Idempotency claims of intake: which case a request with an `Idempotency-Key` created. A claim is written in the same
 * transaction as its case, conditioned on the key being free, so for a key there is a case exactly once, whatever
 * crashes or times out around that transaction (see "Numbering and retries" in docs/architecture.md).
 *
 * Keys: pk `IDEMP#<scope>#<SHA-256 of the key, base64url>`, sk `IDEMP` — "the request this key was first used for",
 * read consistently. The scope is the caller (`user:<username>`, `public:<client address>`), so two callers never share a
 * key. The key itself is not stored: a public claim holds the tracking secret sealed with a key derived from it (see
 * services/idempotent-intake.ts). TTL `expiresAt` (epoch seconds): a day; an expired claim counts as absent even before
 * DynamoDB deletes it.
 */
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

export interface IntakeClaim {
  /** Who used the key: `user:<username>` or `public:<client address>`. */
  readonly scope: string;
  readonly caseId: string;
  /** SHA-256 (base64url) of the request body the key was first used with. */
  readonly requestHash: string;
  /** Public intake: the tracking secret, sealed with a key only a retry with the same Idempotency-Key can derive. */
  readonly sealedSecret?: string;
  readonly claimedAt: string;
  /** Epoch seconds, the table's TTL attribute. */
  readonly expiresAt: number;
}

/** Names the claim among a new case's companions: its failed condition means the key was taken first. */
export const claimLabel = 'idempotency-key';

const claimKey = (scope: string, idempotencyKey: string) => ({
  pk: `IDEMP#${scope}#${createHash('sha256').update(idempotencyKey, 'utf8').digest('base64url')}`,
  sk: 'IDEMP',
});

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** The claim as an item of the new case's transaction: written only if the key is free (or its claim expired). */
export const claimPut = (idempotencyKey: string, claim: IntakeClaim, at: Date) => ({
  label: claimLabel,
  Put: {
    TableName: tableName('main'),
    Item: { ...claimKey(claim.scope, idempotencyKey), type: 'intake-claim', ...claim },
    ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
    ExpressionAttributeValues: { ':now': epochSeconds(at) },
  },
});

/** The live claim of a key in a scope, if any (a consistent read: a claim written a moment ago is seen). */
export const getClaim = async (scope: string, idempotencyKey: string, at: Date): Promise<IntakeClaim | undefined> => {
  const { Item } = await translateSdkErrors('读取幂等键', () =>
    dynamo().send(
      new GetCommand({ TableName: tableName('main'), Key: claimKey(scope, idempotencyKey), ConsistentRead: true }),
    ),
  );
  if (!Item || Number(Item.expiresAt) < epochSeconds(at)) return undefined;
  const { scope: owner, caseId, requestHash, sealedSecret, claimedAt, expiresAt } = Item;
  return {
    scope: String(owner),
    caseId: String(caseId),
    requestHash: String(requestHash),
    ...(sealedSecret ? { sealedSecret: String(sealedSecret) } : {}),
    claimedAt: String(claimedAt),
    expiresAt: Number(expiresAt),
  };
};
