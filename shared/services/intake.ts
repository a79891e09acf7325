import { ulid } from 'ulid';
import { now } from '#clock';
import type { Case } from '#domain/case.ts';
import type { NewComplaint } from '#domain/complaint-input.ts';
import { duplicateWindowDays, findDuplicateCandidates } from '#domain/duplicates.ts';
import type { OrgUnit } from '#domain/org-units.ts';
import { registerComplaint } from '#domain/register-complaint.ts';
import type { Principal } from '#domain/roles.ts';
import { logger } from '#logger';
import { publishEvents } from '#messaging/notices-queue.ts';
import { countMetric } from '#metrics';
import { createNumberedCase, listRecentComplaintsLike } from '#persistence/cases.ts';
import { getOrgUnit } from '#persistence/directory.ts';
import { deleteOutboxEntry } from '#persistence/outbox.ts';
import { attachUploads } from '#services/attachments.ts';
import { loadTimeContext } from './time-context.ts';

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

/** Sends events and clears them from the outbox; what fails stays there for the relay. */
export const relayNow = async (events: Parameters<typeof publishEvents>[0]): Promise<number> => {
  try {
    const sent = await publishEvents(events);
    await Promise.all(sent.map((id) => deleteOutboxEntry(id)));
    return sent.length;
  } catch (error) {
    logger.warn('events left in the outbox for the relay', { error, events: events.map((event) => event.id) });
    return 0;
  }
};
