/**
 * Intake with an `Idempotency-Key`: a retry of a request — after a timeout, a crash, a lost answer — gets the case the
 * first attempt stored, never a second one, by the platform's mechanism (`#platform/idempotency.ts`): the key is
 * claimed in the very transaction that stores the case (the claim is one of the case's companions).
 *
 * - A retry after the first attempt stored its case finds the claim (read together with the intake's other reads) and
 *   gets that case: the official's view of it, or the public receipt with its tracking secret.
 * - The same key with another body: 422, and nothing is stored.
 * - A retry racing the first: both register, one transaction lands, the other's claim condition fails — its number is
 *   recorded as a gap — and it answers with the case that landed. Only if that one neither lands nor fails within the
 *   wait: 409.
 */

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { presentCase } from '#cases/services/present-case.ts';
import { CaseCompanionConflictError, getCase } from '#cases/services/records.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import type { NewComplaint } from '#intake/domain/complaint-input.ts';
import type { PublicComplaint } from '#intake/domain/public-complaint.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { claimPut, idempotencyClaimLabel, idempotentRequest, onceForKey } from '#platform/idempotency.ts';
import { type PublicReceipt, publicReceipt, registerPublicComplaint, submitPublicComplaint } from './public-intake.ts';
import {
  presentRegistered,
  type RegisteredComplaint,
  registerAndStore,
  submitComplaint,
} from './register-complaint.ts';

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

/** A case's transaction failed on the claim: another request with the key registered (or is registering) first. */
const lostRace = (error: unknown): boolean =>
  error instanceof CaseCompanionConflictError && error.label === idempotencyClaimLabel;

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
  const request = idempotentRequest(`user:${principal.username}`, idempotencyKey, complaint);
  return onceForKey(
    request,
    async (earlier) => {
      const caseId = ulid();
      const outcome = await registerAndStore({
        complaint,
        registrant: principal,
        unit: getOrgUnit(principal.unitId),
        caseId,
        companions: [claimPut(request, caseId)],
        accessBy: principal,
        earlier,
      });
      return 'stored' in outcome ? { done: presentRegistered(outcome.stored, principal) } : outcome;
    },
    async (earlier) => {
      const stored = await getCase(earlier.recordId);
      return { case: stored, view: await presentCase(stored, principal, 'register-complaint') };
    },
    lostRace,
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
  const scope = `public:${client}`;
  const request = idempotentRequest(scope, idempotencyKey, complaint);
  return onceForKey(
    request,
    async (earlier) => {
      const outcome = await registerPublicComplaint(complaint, {
        earlier,
        companions: ({ caseId, trackingSecret }) => [
          claimPut(request, caseId, { sealedSecret: sealSecret(trackingSecret, idempotencyKey, scope) }),
        ],
      });
      return 'receipt' in outcome ? { done: outcome.receipt } : outcome;
    },
    async (earlier) => {
      if (!earlier.sealedSecret) throw new Error(`the claim of case ${earlier.recordId} holds no tracking secret`);
      return publicReceipt(await getCase(earlier.recordId), openSecret(earlier.sealedSecret, idempotencyKey, scope));
    },
    lostRace,
  );
};
