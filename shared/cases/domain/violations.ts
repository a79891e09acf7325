import type { Violation } from '#enterprises/domain/records.ts';
import type { Transition } from './workflow.ts';

/**
 * The violation a transition records against a registered firm: a complaint naming the firm's USCC, closed now with a
 * result found substantiated (属实 or 部分属实). Undefined for anything else.
 */
export const substantiatedViolation = (
  transition: Transition,
): { readonly uscc: string; readonly violation: Violation } | undefined => {
  const change = transition.changes[0];
  if (!change) return undefined;
  const { before, after } = change;
  if (after.kind !== 'complaint' || after.state !== 'closed' || before.state === 'closed') return undefined;
  const uscc = after.complaint?.source?.uscc;
  const substantiated = after.result?.substantiated;
  if (!uscc || (substantiated !== 'yes' && substantiated !== 'partly')) return undefined;
  return {
    uscc,
    violation: {
      at: after.closedAt ?? after.updatedAt,
      source: 'complaint',
      caseId: after.id,
      number: after.number,
      substantiated,
      serious: false,
    },
  };
};

/** `transition` with the event telling the grading officials the firm is flagged for re-assessment. */
export const withRegradeEvent = (transition: Transition, eventId: string): Transition => {
  const [first] = transition.changes;
  if (!first) return transition;
  return {
    ...transition,
    events: [
      ...transition.events,
      {
        id: eventId,
        type: 'regrade-flagged',
        caseId: first.after.id,
        occurredAt: first.after.updatedAt,
        ...(first.history ? { sequence: first.history.sequence } : {}),
      },
    ],
  };
};
