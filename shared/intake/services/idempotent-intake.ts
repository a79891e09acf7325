/**
 * Intake with an `Idempotency-Key`: a retry of a request — after a timeout, a crash, a lost answer — gets the case the
 * first attempt stored, never a second one. The key is claimed in the very transaction that stores the case (a
 * conditional put of the claim beside it, `intake/store/intake-claims.ts`): there is no "in progress" record that could
 * expire or be left behind, so for a key there is a case exactly once, whatever stops where.
 *
 * - A retry after the first attempt stored its case finds the claim (read together with the intake's other reads) and
 *   gets that case: the official's view of it, or the public receipt with its tracking secret.
 * - The same key with another body: 422, and nothing is stored.
 * - A retry racing the first: both register, one transaction lands, the other's claim condition fails — its number is
 *   recorded as a gap — and it answers with the case that landed. Only if that one neither lands nor fails within the
 *   wait: 409.
 */

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ulid } from 'ulid';
import { presentCase } from '#cases/services/present-case.ts';
import { CaseCompanionConflictError, getCase } from '#cases/services/records.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import type { NewComplaint } from '#intake/domain/complaint-input.ts';
import { idempotencyKeyPattern } from '#intake/domain/idempotency-key.ts';
import type { PublicComplaint } from '#intake/domain/public-complaint.ts';
import { claimLabel, claimPut, getClaim, type IntakeClaim } from '#intake/store/intake-claims.ts';
import { now } from '#platform/clock.ts';
import { ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { requestHash as hashOfRequest } from '#platform/request-hash.ts';
import { IdempotencyAlreadyInProgressError, IdempotencyValidationError } from './errors.ts';
import { type PublicReceipt, publicReceipt, registerPublicComplaint, submitPublicComplaint } from './public-intake.ts';
import {
  presentRegistered,
  type RegisteredComplaint,
  registerAndStore,
  submitComplaint,
} from './register-complaint.ts';

/** Hotline systems retry for a day at most; a key is remembered that long. */
const claimLifetimeSeconds = 24 * 3600;

/** How long a request whose key another request is storing right now waits for that one to land (or fail). */
const raceWaitMs = [50, 100, 200, 400, 800];

const checkKey = (idempotencyKey: string) => {
  if (!idempotencyKeyPattern.test(idempotencyKey)) {
    throw new ValidationError([{ path: 'Idempotency-Key', message: '幂等键须为 1–128 个可见 ASCII 字符' }]);
  }
};

/**
 * The tracking secret, sealed (AES-256-GCM) with a key derived from the Idempotency-Key (HKDF-SHA256, salted, bound to
 * the scope). The Idempotency-Key is stored only as a hash, so the table holds the secret in no readable form; a
 * retry, which brings the key again, can open it and show the receipt as the first answer did.
 */
const secretKey = (idempotencyKey: string, salt: Buffer, scope: string): Buffer =>
  Buffer.from(hkdfSync('sha256', idempotencyKey, salt, `greenline tracking secret ${scope}`, 32));

const sealSecret = (secret: string, idempotencyKey: string, scope: string): string => {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = secretKey(idempotencyKey, salt, scope);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [salt, iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
};

const openSecret = (sealedSecret: string, idempotencyKey: string, scope: string): string => {
  const [salt, iv, sealed, tag] = sealedSecret.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!salt || !iv || !sealed || !tag) throw new Error('the sealed tracking secret is malformed');
  const key = secretKey(idempotencyKey, salt, scope);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
};

/**
 * Runs an intake under a key: `attempt` reads `earlier` (the key's claim) with its other reads and either stores a new
 * case with the claim or hands back the claim it found; a claim found (then or after losing the race) is answered by
 * `replay`, after checking that it was made for the same body.
 */
const onceForKey = async <T>(
  request: { scope: string; idempotencyKey: string; requestHash: string },
  attempt: (earlier: Promise<IntakeClaim | undefined>) => Promise<{ done: T } | { earlier: IntakeClaim }>,
  replay: (earlier: IntakeClaim) => Promise<T>,
): Promise<T> => {
  const { scope, idempotencyKey } = request;
  let outcome: { done: T } | { earlier: IntakeClaim };
  try {
    outcome = await attempt(getClaim(scope, idempotencyKey, now()));
  } catch (error) {
    if (!(error instanceof CaseCompanionConflictError && error.label === claimLabel)) throw error;
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

const newClaim = (scope: string, caseId: string, requestHash: string, extra: Partial<IntakeClaim> = {}) => {
  const at = now();
  const claim: IntakeClaim = {
    scope,
    caseId,
    requestHash,
    claimedAt: at.toISOString(),
    expiresAt: Math.floor(at.getTime() / 1000) + claimLifetimeSeconds,
    ...extra,
  };
  return { claim, at };
};

/**
 * Registers a complaint an official took; with an `Idempotency-Key`, a retry of the same request by the same official
 * gets the first complaint (as it stands now) instead of a second one, and reusing the key for a different complaint
 * is refused.
 */
export const submitComplaintIdempotently = async (
  complaint: NewComplaint,
  principal: Principal,
  idempotencyKey: string | undefined,
): Promise<RegisteredComplaint> => {
  if (idempotencyKey === undefined) return submitComplaint(complaint, principal);
  checkKey(idempotencyKey);
  const scope = `user:${principal.username}`;
  const requestHash = hashOfRequest(complaint);
  return onceForKey(
    { scope, idempotencyKey, requestHash },
    async (earlier) => {
      const caseId = ulid();
      const { claim, at } = newClaim(scope, caseId, requestHash);
      const outcome = await registerAndStore({
        complaint,
        registrant: principal,
        unit: getOrgUnit(principal.unitId),
        caseId,
        companions: [claimPut(idempotencyKey, claim, at)],
        accessBy: principal,
        earlier,
      });
      return 'stored' in outcome ? { done: presentRegistered(outcome.stored, principal) } : outcome;
    },
    async (earlier) => {
      const stored = await getCase(earlier.caseId);
      return { case: stored, view: await presentCase(stored, principal, 'register-complaint') };
    },
  );
};

/**
 * A complaint from the public web form; with an `Idempotency-Key`, a retry from the same address gets the first
 * receipt — tracking code and secret included — instead of a second complaint. The key is scoped to the client's
 * address, so nobody else can fetch a receipt by guessing a key.
 */
export const submitPublicComplaintIdempotently = async (
  complaint: PublicComplaint,
  client: string,
  idempotencyKey: string | undefined,
): Promise<PublicReceipt> => {
  if (idempotencyKey === undefined) return submitPublicComplaint(complaint);
  checkKey(idempotencyKey);
  const scope = `public:${client}`;
  const requestHash = hashOfRequest(complaint);
  return onceForKey(
    { scope, idempotencyKey, requestHash },
    async (earlier) => {
      const outcome = await registerPublicComplaint(complaint, {
        earlier,
        companions: ({ caseId, trackingSecret }) => {
          const sealedSecret = sealSecret(trackingSecret, idempotencyKey, scope);
          const { claim, at } = newClaim(scope, caseId, requestHash, { sealedSecret });
          return [claimPut(idempotencyKey, claim, at)];
        },
      });
      return 'receipt' in outcome ? { done: outcome.receipt } : outcome;
    },
    async (earlier) => {
      if (!earlier.sealedSecret) throw new Error(`the claim of case ${earlier.caseId} holds no tracking secret`);
      return publicReceipt(await getCase(earlier.caseId), openSecret(earlier.sealedSecret, idempotencyKey, scope));
    },
  );
};
