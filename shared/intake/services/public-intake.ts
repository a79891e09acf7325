import { randomBytes, randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import type { Case } from '#cases/domain/case.ts';
import { type CaseCompanion, getCaseWithHistory } from '#cases/services/records.ts';
import { getOrgUnit, getPublicIntakeUnitId } from '#directory/services/lookup.ts';
import {
  type PublicComplaint,
  type PublicComplaintView,
  publicComplaintView,
} from '#intake/domain/public-complaint.ts';
import { resolveTracking, trackingPut } from '#intake/store/tracking.ts';
import { NotFoundError } from '#platform/domain/errors.ts';
import { type IntakeOutcome, registerAndStore } from './register-complaint.ts';

const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters of Crockford base32 (60 bits): easy to read out on the phone, hard to hit by chance. */
const newTrackingCode = () => Array.from({ length: 12 }, () => codeAlphabet.charAt(randomInt(32))).join('');

export interface PublicReceipt {
  readonly number: string;
  readonly trackingCode: string;
  /** Shown once: only its hash is stored. */
  readonly trackingSecret: string;
  readonly receivedAt: string;
  readonly state: string;
}

export class PublicIntakeNotConfiguredError extends Error {
  override name = 'PublicIntakeNotConfiguredError';
}

/** What a public complaint is given before it is stored, so that the items stored with it can name it. */
export interface PublicIntakeIds {
  readonly caseId: string;
  readonly trackingCode: string;
  /** Shown once: only its hash is stored (and, for a retry's sake, a sealed copy in the idempotency claim). */
  readonly trackingSecret: string;
}

const publicIntakeUnit = async () => {
  const unitId = await getPublicIntakeUnitId();
  if (!unitId) throw new PublicIntakeNotConfiguredError('public intake unit is not configured');
  return getOrgUnit(unitId);
};

/** The receipt of a stored public complaint. */
export const publicReceipt = (stored: Case, trackingSecret: string): PublicReceipt => ({
  number: stored.number,
  trackingCode: stored.trackingCode ?? '',
  trackingSecret,
  receivedAt: stored.receivedAt,
  state: stored.state,
});

/**
 * A complaint from the public web form: owned by the bureau's petition office, tracked by code and secret. With
 * `earlier` (an earlier request this one repeats, read with the rest), that is answered instead of a new case; with
 * `companions`, more items are stored with the case (its idempotency claim).
 */
export const registerPublicComplaint = async <Earlier = never>(
  complaint: PublicComplaint,
  options: {
    earlier?: Promise<Earlier | undefined>;
    companions?: (ids: PublicIntakeIds) => readonly CaseCompanion[];
  } = {},
): Promise<{ readonly receipt: PublicReceipt } | { readonly earlier: Earlier }> => {
  const ids: PublicIntakeIds = {
    caseId: ulid(),
    trackingCode: newTrackingCode(),
    trackingSecret: randomBytes(20).toString('base64url'),
  };
  const outcome: IntakeOutcome<Earlier> = await registerAndStore<Earlier>({
    complaint: { ...complaint, channel: 'web' },
    registrant: 'public',
    trackingCode: ids.trackingCode,
    unit: publicIntakeUnit(),
    caseId: ids.caseId,
    companions: [trackingPut(ids.trackingCode, ids.caseId, ids.trackingSecret), ...(options.companions?.(ids) ?? [])],
    ...(options.earlier ? { earlier: options.earlier } : {}),
  });
  return 'stored' in outcome ? { receipt: publicReceipt(outcome.stored, ids.trackingSecret) } : outcome;
};

/** A complaint from the public web form, without an idempotency key. */
export const submitPublicComplaint = async (complaint: PublicComplaint): Promise<PublicReceipt> => {
  const outcome = await registerPublicComplaint(complaint);
  if (!('receipt' in outcome)) throw new Error('an intake without an earlier request to find found one');
  return outcome.receipt;
};

/** The public view for a tracking code and its secret. An unknown code and a wrong secret are told apart by no one. */
export const trackComplaint = async (trackingCode: string, secret: string): Promise<PublicComplaintView> => {
  const caseId = await resolveTracking(trackingCode, secret);
  if (!caseId) throw new NotFoundError('未找到该投诉，或查询密码不正确');
  const reported = await getCaseWithHistory(caseId);
  const master = reported.case.mergedInto ? await getCaseWithHistory(reported.case.mergedInto) : undefined;
  return publicComplaintView(reported, master);
};
