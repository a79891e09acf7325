import type { CaseEvent } from '#cases/domain/case.ts';
import { deleteOutboxEntry, listPendingEvents } from '#cases/store/outbox.ts';
import { publishEvents } from '#platform/adapters/event-queues.ts';
import { logger } from '#platform/logger.ts';

/** Sends events to the queues that carry them (notices, surveys) and clears them from the outbox; what fails stays there for the relay. */
export const relayNow = async (events: readonly CaseEvent[]): Promise<number> => {
  try {
    const sent = await publishEvents(events);
    await Promise.all(sent.map((id) => deleteOutboxEntry(id)));
    return sent.length;
  } catch (error) {
    logger.warn('events left in the outbox for the relay', { error, events: events.map((event) => event.id) });
    return 0;
  }
};

/** The outbox relay: every event written before `before` that is still in the outbox goes to the queue now. */
export const relayPendingEvents = async (before: Date): Promise<{ pending: number; relayed: number }> => {
  const pending = await listPendingEvents(before);
  const relayed = pending.length > 0 ? await relayNow(pending) : 0;
  return { pending: pending.length, relayed };
};
