import { ulid } from 'ulid';
import type { Case } from '#cases/domain/case.ts';
import { type CaseView, caseView } from '#cases/domain/case-view.ts';
import { accessRecordFor } from '#cases/services/present-case.ts';
import { type CaseCompanion, createNumberedCase, listRecentComplaintsLike } from '#cases/services/records.ts';
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

/** A complaint an official registered, and how they see it (the access record of that view is stored with the case). */
export interface RegisteredComplaint {
  readonly case: Case;
  readonly view: CaseView;
}

/** Why an official's answer shows the complainant: the purpose of the access record written with the case. */
const registerPurpose = 'register-complaint';

/**
 * Records a complaint an official took: one transaction stores the case, its first history entry, a "complaint
 * registered" event in the outbox and — when the answer shows the complainant unmasked — the record of that access;
 * the event then goes to the notices queue. If the queue is unreachable the complaint still stands and the outbox relay
 * sends the event later.
 */
export const submitComplaint = async (complaint: NewComplaint, principal: Principal): Promise<RegisteredComplaint> => {
  const { stored } = await registerAndStore({
    complaint,
    registrant: principal,
    unit: getOrgUnit(principal.unitId),
    accessBy: principal,
  });
  return presentRegistered(stored, principal);
};

/** How the official who registered a case sees it (its access record was stored with it). */
export const presentRegistered = (stored: Case, principal: Principal): RegisteredComplaint => ({
  case: stored,
  view: caseView(stored, principal),
});

/** What an intake came to: a new case, or the earlier request it repeats (found by `earlier`). */
export type IntakeOutcome<Earlier> = [Earlier] extends [never]
  ? { readonly stored: Case }
  : { readonly stored: Case } | { readonly earlier: Earlier };

/**
 * The intake path shared by officials and the public. Everything it must read — the owning unit, likely duplicates,
 * the time-limit policies and calendar, the attached uploads, and whether an earlier request with the same key exists —
 * is read at once; then, unless that earlier request is found, it registers the complaint and stores it in one
 * transaction (with `companions` such as the public tracking record and the request's idempotency claim), and sends the
 * event. The number is taken only then, so a refused or repeated request uses none.
 */
export const registerAndStore = async <Earlier = never>(input: {
  complaint: NewComplaint;
  registrant: Principal | 'public';
  unit: Promise<OrgUnit>;
  trackingCode?: string;
  /** Set when a companion item must name the case before it exists. */
  caseId?: string;
  companions?: readonly CaseCompanion[];
  /** The official whose answer will show the case: the access record of that view is stored with it. */
  accessBy?: Principal;
  /** The earlier request this one repeats, if any: read with the rest, and answered instead of a new case. */
  earlier?: Promise<Earlier | undefined>;
}): Promise<IntakeOutcome<Earlier>> => {
  const at = now();
  const receivedAt = input.complaint.receivedAt ? new Date(input.complaint.receivedAt) : at;
  const since = new Date(receivedAt.getTime() - duplicateWindowDays * 86_400_000);
  const attachments = attachUploads(input.complaint.attachments).then(
    (attached) => ({ attached }),
    (error: unknown) => ({ error }),
  );
  const [earlier, unit, recent, time, uploads] = await Promise.all([
    input.earlier,
    input.unit,
    listRecentComplaintsLike(input.complaint.category, input.complaint.place.town, since),
    loadTimeContext(at),
    attachments,
  ]);
  if (earlier !== undefined) return { earlier } as IntakeOutcome<Earlier>;
  if ('error' in uploads) throw uploads.error;

  const { complaint, registrant, trackingCode } = input;
  const registered = registerComplaint({
    complaint,
    registrant,
    unit,
    ...(trackingCode ? { trackingCode } : {}),
    duplicateCandidates: findDuplicateCandidates(complaint, recent),
    attachments: uploads.attached,
    now: at,
    time,
    ids: { caseId: input.caseId ?? ulid(), eventId: ulid() },
  });
  const access = input.accessBy && accessRecordFor(registered.case, input.accessBy, registerPurpose);
  const stored = await createNumberedCase(registered.case, registered.history, registered.event, [
    ...(input.companions ?? []),
    ...(access ? [access] : []),
  ]);
  countMetric('ComplaintRegistered', ['channel', complaint.channel]);
  await relayNow([registered.event]);
  return { stored } as IntakeOutcome<Earlier>;
};
