import type { Case, CaseEvent, HistoryEntry } from './case.ts';
import type { NewComplaint } from './complaint-input.ts';
import { ForbiddenError, ValidationError } from './errors.ts';
import type { OrgUnit } from './org-units.ts';
import type { OfficialRole, Principal } from './roles.ts';

const intakeRoles: readonly OfficialRole[] = ['operator', 'hotline-system'];

/** Clocks of callers drift; a receipt time this far ahead of ours is still accepted. */
const allowedClockSkewMs = 5 * 60 * 1000;

export interface RegisteredComplaint {
  /** The case without its number: the store allocates the number in the same transaction. */
  readonly case: Omit<Case, 'number'>;
  readonly history: HistoryEntry;
  readonly event: CaseEvent;
}

/**
 * Registers a complaint recorded by an official. Pure: the clock, the ids and the caller's unit are inputs.
 * The case is owned by the caller's unit (the petition office or the hotline's unit).
 */
export const registerComplaint = (input: {
  complaint: NewComplaint;
  principal: Principal;
  unit: OrgUnit;
  now: Date;
  ids: { caseId: string; eventId: string };
}): RegisteredComplaint => {
  const { complaint, principal, unit, now, ids } = input;
  const role = intakeRoles.find((r) => principal.roles.includes(r));
  if (!role) throw new ForbiddenError('只有接线员或热线系统可以登记信访件');

  const receivedAt = complaint.receivedAt ? new Date(complaint.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + allowedClockSkewMs) {
    throw new ValidationError([{ path: 'receivedAt', message: '收到时间不能晚于当前时间' }]);
  }
  const at = now.toISOString();
  const { receivedAt: _received, ...details } = complaint;
  const created: Omit<Case, 'number'> = {
    id: ids.caseId,
    kind: 'complaint',
    state: 'registered',
    version: 1,
    unitId: unit.id,
    unitPath: unit.path,
    receivedAt: receivedAt.toISOString(),
    createdAt: at,
    updatedAt: at,
    createdBy: principal.username,
    complaint: details,
    historyLength: 1,
    returnCount: 0,
    extensions: [],
    mergedCases: [],
  };
  return {
    case: created,
    history: {
      caseId: ids.caseId,
      sequence: 1,
      at,
      actor: principal.username,
      role,
      action: 'register',
      fromState: null,
      toState: 'registered',
      changes: { channel: complaint.channel, category: complaint.category, urgency: complaint.urgency },
    },
    event: { id: ids.eventId, type: 'complaint-registered', caseId: ids.caseId, occurredAt: at, sequence: 1 },
  };
};
