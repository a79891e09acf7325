import { ulid } from 'ulid';
import type { Case } from '#cases/domain/case.ts';
import { createNumberedCase, listRecentComplaintsLike } from '#cases/services/records.ts';
import { relayNow } from '#cases/services/relay-events.ts';
import { loadTimeContext } from '#deadlines/services/time-context.ts';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import type { NewComplaint } from '#intake/domain/complaint-input.ts';
import { duplicateWindowDays, findDuplicateCandidates } from '#intake/domain/duplicates.ts';
import { registerComplaint } from '#intake/domain/register-complaint.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { countMetric } from '#platform/metrics.ts';
import { attachUploads } from './attachments.ts';

/**
 * Records a complaint: one transaction stores the case, its first history entry and a "complaint registered" event
 * in the outbox; the event then goes to the notices queue. If the queue is unreachable the complaint still stands and
 * the outbox relay sends the event later.
 */
export const submitComplaint = async (complaint: NewComplaint, principal: Principal): Promise<Case> =>
  registerAndStore({ complaint, registrant: principal, unit: await getOrgUnit(principal.unitId) });

/**
 * The intake path shared by officials and the public: flag likely duplicates, register, store in one transaction
 * (with `companions` such as the public tracking record), and send the event.
 */
export const registerAndStore = async (input: {
  complaint: NewComplaint;
  registrant: Principal | 'public';
  unit: OrgUnit;
  trackingCode?: string;
  /** Set when a companion item must name the case before it exists. */
  caseId?: string;
  companions?: Parameters<typeof createNumberedCase>[3];
}): Promise<Case> => {
  const at = now();
  const receivedAt = input.complaint.receivedAt ? new Date(input.complaint.receivedAt) : at;
  const since = new Date(receivedAt.getTime() - duplicateWindowDays * 86_400_000);
  const [recent, time] = await Promise.all([
    listRecentComplaintsLike(input.complaint.category, input.complaint.place.town, since),
    loadTimeContext(at),
  ]);
  const { complaint, registrant, unit, trackingCode } = input;
  const registered = registerComplaint({
    complaint,
    registrant,
    unit,
    ...(trackingCode ? { trackingCode } : {}),
    duplicateCandidates: findDuplicateCandidates(input.complaint, recent),
    attachments: await attachUploads(input.complaint.attachments),
    now: at,
    time,
    ids: { caseId: input.caseId ?? ulid(), eventId: ulid() },
  });
  const stored = await createNumberedCase(registered.case, registered.history, registered.event, input.companions);
  countMetric('ComplaintRegistered', ['channel', complaint.channel]);
  await relayNow([registered.event]);
  return stored;
};
