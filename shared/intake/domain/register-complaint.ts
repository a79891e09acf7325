import type { Case, CaseEvent, HistoryEntry } from '#cases/domain/case.ts';
import { applyTimeLimits, newlyMissingYears, type TimeContext } from '#deadlines/domain/deadlines.ts';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import { ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';
import type { Attachment } from './attachments.ts';
import type { NewComplaint } from './complaint-input.ts';
import type { DuplicateCandidate } from './duplicates.ts';

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
 * Registers a complaint recorded by an official, or submitted by the public on the web (`registrant: 'public'`, with
 * the tracking code the complainant will look it up by). Pure: the clock, the ids and the owning unit are inputs.
 * An official's complaint is owned by their unit (the petition office or the hotline's unit).
 */
export const registerComplaint = (input: {
  complaint: NewComplaint;
  registrant: Principal | 'public';
  trackingCode?: string;
  /** Earlier complaints that look like the same matter (see duplicates.ts): flagged, never merged silently. */
  duplicateCandidates?: readonly DuplicateCandidate[];
  /** The complaint's attachment references, resolved to stored files (services/attachments.ts). */
  attachments?: readonly Attachment[];
  unit: OrgUnit;
  now: Date;
  ids: { caseId: string; eventId: string };
  /** Policies and calendar: the case's first deadline (decide on acceptance) starts at receipt. */
  time?: TimeContext;
}): RegisteredComplaint => {
  const { complaint, registrant, unit, now, ids } = input;
  const role = registrant === 'public' ? 'public' : intakeRoles.find((r) => registrant.roles.includes(r));
  if (!role) throw new ForbiddenError('只有接线员或热线系统可以登记信访件');
  const actor = registrant === 'public' ? 'public' : registrant.username;

  const receivedAt = complaint.receivedAt ? new Date(complaint.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + allowedClockSkewMs) {
    throw new ValidationError([{ path: 'receivedAt', message: '收到时间不能晚于当前时间' }]);
  }
  const at = now.toISOString();
  const { receivedAt: _received, attachments: _refs, ...details } = complaint;
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
    createdBy: actor,
    complaint: { ...details, ...(input.attachments?.length ? { attachments: input.attachments } : {}) },
    historyLength: 1,
    returnCount: 0,
    extensions: [],
    mergedCases: [],
    ...(input.trackingCode ? { trackingCode: input.trackingCode } : {}),
    ...(input.duplicateCandidates?.length ? { duplicateCandidates: input.duplicateCandidates } : {}),
  };
  const timed = input.time ? applyTimeLimits(undefined, created as Case, now, input.time) : (created as Case);
  // The administrators hear of the years the first deadlines lack with the registration (its one event).
  const calendarYears = newlyMissingYears(undefined, timed);
  return {
    case: timed as Omit<Case, 'number'>,
    history: {
      caseId: ids.caseId,
      sequence: 1,
      at,
      actor,
      role,
      action: 'register',
      fromState: null,
      toState: 'registered',
      changes: {
        channel: complaint.channel,
        category: complaint.category,
        urgency: complaint.urgency,
        ...(input.duplicateCandidates?.length
          ? { duplicateCandidates: input.duplicateCandidates.map((candidate) => candidate.number) }
          : {}),
      },
    },
    event: {
      id: ids.eventId,
      type: 'complaint-registered',
      caseId: ids.caseId,
      occurredAt: at,
      sequence: 1,
      ...(calendarYears.length > 0 ? { calendarYears } : {}),
    },
  };
};
