/**
 * The `Idempotency-Key` of the API's creating POSTs (complaints, inspections, enforcement filings): a retry of a
 * request — after a timeout, a crash, a lost answer — gets what the first attempt made, never a second one.
 *
 * The key is claimed in the very transaction that stores what the request makes: a conditional put of the claim beside
 * it ({@link claimPut}). There is no "in progress" record that could expire or be left behind, so for a key there is a
 * record exactly once, whatever stops where ({@link onceForKey}):
 *
 * - a retry after the first attempt stored its record finds the claim (read together with the request's other reads)
 *   and is answered with that record by the use case's `replay`;
 * - the same key with another body: 422 ({@link IdempotencyValidationError}), and nothing is stored;
 * - a retry racing the first: both proceed, one transaction lands, the other's claim condition fails (a number it took
 *   is recorded as a gap by its store) and it answers with the record that landed; only if that one neither lands nor
 *   fails within the wait: 409 with `Retry-After` ({@link IdempotencyAlreadyInProgressError}).
 *
 * Claims: pk `IDEMP#<scope>#<SHA-256 of the key, base64url>`, sk `IDEMP` — "the request this key was first used for",
 * read consistently. The scope is the caller (`user:<username>`, `public:<client address>`), so two callers never share
 * a key; a key names one request of its caller whatever the route, so one reused on another route is refused as one
 * reused for another body is. The key itself is not stored (public intake keeps its tracking secret in the claim sealed
 * with a key derived from it). TTL `expiresAt` (epoch seconds): a day; an expired claim counts as absent even before
 * DynamoDB deletes it. See "Numbering and retries" in docs/architecture.md.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { now } from './clock.ts';
import { tableName } from './config.ts';
import { ConflictError, ValidationError } from './domain/errors.ts';
import { z } from './domain/zod.ts';
import { dynamo } from './dynamodb/client.ts';
import { translateSdkErrors } from './dynamodb/errors.ts';
import type { ApiHeader } from './http/api-registry.ts';
import { requestHash } from './request-hash.ts';

/** Idempotency keys: 1–128 visible ASCII characters. */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,128}$/;

/** The optional `Idempotency-Key` request header of a route that honours it (the service checks it). */
export const idempotencyKeyHeader = {
  'idempotency-key': {
    description:
      '可选的幂等键：以同一键重试同一请求，得到首次的结果；键用于不同内容时答复 422 / optional: a retry with the same key ' +
      'and body gets the first answer; the same key with another body is a 422',
    schema: z.string().regex(idempotencyKeyPattern),
    example: 'hotline-20261120-0001',
  },
} as const satisfies Record<string, ApiHeader>;

/**
 * The Idempotency-Key was first used with a different request body. The HTTP layer knows it by name
 * (`shared/platform/http/problem.ts`, where it was first Powertools' error): 422.
 */
export class IdempotencyValidationError extends Error {
  override name = 'IdempotencyValidationError';
}

/**
 * A request with the same key is being stored at this very moment and has neither landed nor failed within the wait:
 * a retry a little later gets its record. Known by name (`shared/platform/http/problem.ts`): 409.
 */
export class IdempotencyAlreadyInProgressError extends Error {
  override name = 'IdempotencyAlreadyInProgressError';
  /** For the `Retry-After` header of the 409. */
  readonly retryAfterSeconds = 1;
}

/**
 * A store's transaction failed on its claim's condition: another request took the key first (or is taking it). Stores
 * that write a claim throw it; {@link onceForKey} answers it with the other request's record.
 */
export class IdempotencyKeyClaimedError extends ConflictError {
  override name = 'IdempotencyKeyClaimedError';
}

/** Which record a request with an `Idempotency-Key` made. */
export interface IdempotencyClaim {
  /** Who used the key: `user:<username>` or `public:<client address>`. */
  readonly scope: string;
  /** The id of what the first request stored: a case, an inspection, an enforcement case. */
  readonly recordId: string;
  /** SHA-256 (base64url) of the request the key was first used with (`#platform/request-hash.ts`). */
  readonly requestHash: string;
  /** Public intake: the tracking secret, sealed with a key only a retry with the same Idempotency-Key can derive. */
  readonly sealedSecret?: string;
  readonly claimedAt: string;
  /** Epoch seconds, the table's TTL attribute. */
  readonly expiresAt: number;
}

/** A request under a checked key, with the fingerprint a retry must match. */
export interface IdempotentRequest {
  readonly scope: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
}

/** What an attempt came to: its result, or the earlier request's claim it found instead of storing anything. */
export type IdempotentOutcome<T> = { readonly done: T } | { readonly earlier: IdempotencyClaim };

/** The claim's transaction item: `label` names it among a new case's companions (see `#cases/store/cases.ts`). */
export interface IdempotencyClaimWrite {
  readonly label: string;
  readonly Put: Record<string, unknown>;
}

/** Names the claim among the items of a transaction: its failed condition means the key was taken first. */
export const idempotencyClaimLabel = 'idempotency-key';

/** Callers retry for a day at most (hotline systems, the web form, the console); a key is remembered that long. */
const claimLifetimeSeconds = 24 * 3600;

/** How long a request whose key another request is storing right now waits for that one to land (or fail). */
const raceWaitMs = [50, 100, 200, 400, 800];

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

const claimKey = (scope: string, idempotencyKey: string) => ({
  pk: `IDEMP#${scope}#${createHash('sha256').update(idempotencyKey, 'utf8').digest('base64url')}`,
  sk: 'IDEMP',
});

/**
 * Checks the key (a malformed one is a 400 naming `Idempotency-Key`) and fingerprints the request (the body as parsed,
 * as canonical JSON: the same request hashes alike whatever the order of its fields).
 *
 * @example
 * const request = idempotentRequest(`user:${principal.username}`, idempotencyKey, input);
 */
export const idempotentRequest = (scope: string, idempotencyKey: string, request: unknown): IdempotentRequest => {
  if (!idempotencyKeyPattern.test(idempotencyKey)) {
    throw new ValidationError([{ path: 'Idempotency-Key', message: '幂等键须为 1–128 个可见 ASCII 字符' }]);
  }
  return { scope, idempotencyKey, requestHash: requestHash(request) };
};

/**
 * The claim of `request` for the record `recordId`, as an item of the transaction that stores that record: written
 * only if the key is free (or its claim expired). A store that writes it turns its failed condition into
 * {@link IdempotencyKeyClaimedError}.
 */
export const claimPut = (
  request: IdempotentRequest,
  recordId: string,
  extra: { readonly sealedSecret?: string } = {},
): IdempotencyClaimWrite => {
  const at = now();
  const claim: IdempotencyClaim = {
    scope: request.scope,
    recordId,
    requestHash: request.requestHash,
    ...(extra.sealedSecret ? { sealedSecret: extra.sealedSecret } : {}),
    claimedAt: at.toISOString(),
    expiresAt: epochSeconds(at) + claimLifetimeSeconds,
  };
  return {
    label: idempotencyClaimLabel,
    Put: {
      TableName: tableName('main'),
      Item: { ...claimKey(request.scope, request.idempotencyKey), type: 'idempotency-claim', ...claim },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': epochSeconds(at) },
    },
  };
};

/** The live claim of a key in a scope, if any (a consistent read: a claim written a moment ago is seen). */
export const getClaim = async (
  scope: string,
  idempotencyKey: string,
  at: Date,
): Promise<IdempotencyClaim | undefined> => {
  const { Item } = await translateSdkErrors('读取幂等键', () =>
    dynamo().send(
      new GetCommand({ TableName: tableName('main'), Key: claimKey(scope, idempotencyKey), ConsistentRead: true }),
    ),
  );
  if (!Item || Number(Item.expiresAt) < epochSeconds(at)) return undefined;
  // Intake's claims written before the claims moved here name their case `caseId` (they live a day).
  const { scope: owner, recordId = Item.caseId, requestHash: hash, sealedSecret, claimedAt, expiresAt } = Item;
  return {
    scope: String(owner),
    recordId: String(recordId),
    requestHash: String(hash),
    ...(sealedSecret ? { sealedSecret: String(sealedSecret) } : {}),
    claimedAt: String(claimedAt),
    expiresAt: Number(expiresAt),
  };
};

const claimedElsewhere = (error: unknown): boolean => error instanceof IdempotencyKeyClaimedError;

/**
 * Runs a use case once for a key. `attempt` reads `earlier` (the key's claim) with its other reads and either stores
 * a new record with {@link claimPut} in its transaction or hands back the claim it found; a claim found — then, or
 * after losing the race (`lostRace`: by default {@link IdempotencyKeyClaimedError}) — is answered by `replay`, after
 * checking that it was made for the same request.
 *
 * @example
 * const request = idempotentRequest(`user:${principal.username}`, idempotencyKey, input);
 * return onceForKey(
 *   request,
 *   (earlier) => fileOnce(input, { earlier, claim: (id) => claimPut(request, id) }),
 *   (earlier) => readFiled(earlier.recordId),
 * );
 */
export const onceForKey = async <T>(
  request: IdempotentRequest,
  attempt: (earlier: Promise<IdempotencyClaim | undefined>) => Promise<IdempotentOutcome<T>>,
  replay: (earlier: IdempotencyClaim) => Promise<T>,
  lostRace: (error: unknown) => boolean = claimedElsewhere,
): Promise<T> => {
  const { scope, idempotencyKey } = request;
  let outcome: IdempotentOutcome<T>;
  try {
    outcome = await attempt(getClaim(scope, idempotencyKey, now()));
  } catch (error) {
    if (!lostRace(error)) throw error;
    let winner = await getClaim(scope, idempotencyKey, now());
    for (const ms of raceWaitMs) {
      if (winner) break;
      await sleep(ms);
      winner = await getClaim(scope, idempotencyKey, now());
    }
    if (!winner) {
      throw new IdempotencyAlreadyInProgressError('相同 Idempotency-Key 的请求正在处理，请稍后重试', { cause: error });
    }
    outcome = { earlier: winner };
  }
  if ('done' in outcome) return outcome.done;
  if (outcome.earlier.requestHash !== request.requestHash) {
    throw new IdempotencyValidationError('同一 Idempotency-Key 只能用于同一请求内容');
  }
  return replay(outcome.earlier);
};

/** The result of an attempt made without a key, which has no earlier request to find. */
export const doneWithoutKey = <T>(outcome: IdempotentOutcome<T>): T => {
  if ('earlier' in outcome) throw new Error('an attempt without an idempotency key found an earlier request');
  return outcome.done;
};
