import { randomBytes, randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { getCaseWithHistory } from '#cases/services/records.ts';
import { getOrgUnit, getPublicIntakeUnitId } from '#directory/services/lookup.ts';
import {
  type PublicComplaint,
  type PublicComplaintView,
  publicComplaintView,
} from '#intake/domain/public-complaint.ts';
import { resolveTracking, trackingPut } from '#intake/store/tracking.ts';
import { NotFoundError } from '#platform/domain/errors.ts';
import { registerAndStore } from './register-complaint.ts';

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

/** A complaint from the public web form: owned by the bureau's petition office, tracked by code and secret. */
export const submitPublicComplaint = async (complaint: PublicComplaint): Promise<PublicReceipt> => {
  const unitId = await getPublicIntakeUnitId();
  if (!unitId) throw new PublicIntakeNotConfiguredError('public intake unit is not configured');
  const unit = await getOrgUnit(unitId);
  const trackingCode = newTrackingCode();
  const trackingSecret = randomBytes(20).toString('base64url');
  const caseId = ulid();
  const stored = await registerAndStore({
    complaint: { ...complaint, channel: 'web' },
    registrant: 'public',
    trackingCode,
    unit,
    caseId,
    companions: [trackingPut(trackingCode, caseId, trackingSecret)],
  });
  return { number: stored.number, trackingCode, trackingSecret, receivedAt: stored.receivedAt, state: stored.state };
};

/** The public view for a tracking code and its secret. An unknown code and a wrong secret are told apart by no one. */
export const trackComplaint = async (trackingCode: string, secret: string): Promise<PublicComplaintView> => {
  const caseId = await resolveTracking(trackingCode, secret);
  if (!caseId) throw new NotFoundError('未找到该投诉，或查询密码不正确');
  const reported = await getCaseWithHistory(caseId);
  const master = reported.case.mergedInto ? await getCaseWithHistory(reported.case.mergedInto) : undefined;
  return publicComplaintView(reported, master);
};
