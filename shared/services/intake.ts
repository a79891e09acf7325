import { ulid } from 'ulid';
import { now } from '#clock';
import type { Case } from '#domain/case.ts';
import type { NewComplaint } from '#domain/complaint-input.ts';
import { registerComplaint } from '#domain/register-complaint.ts';
import type { Principal } from '#domain/roles.ts';
import { logger } from '#logger';
import { publishEvents } from '#messaging/notices-queue.ts';
import { createNumberedCase } from '#persistence/cases.ts';
import { getOrgUnit } from '#persistence/directory.ts';
import { deleteOutboxEntry } from '#persistence/outbox.ts';

/**
 * Records a complaint: one transaction stores the case, its first history entry and a "complaint registered" event
 * in the outbox; the event then goes to the notices queue. If the queue is unreachable the complaint still stands and
 * the outbox relay sends the event later.
 */
export const submitComplaint = async (complaint: NewComplaint, principal: Principal): Promise<Case> => {
  const unit = await getOrgUnit(principal.unitId);
  const registered = registerComplaint({
    complaint,
    principal,
    unit,
    now: now(),
    ids: { caseId: ulid(), eventId: ulid() },
  });
  const stored = await createNumberedCase(registered.case, registered.history, registered.event);
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
