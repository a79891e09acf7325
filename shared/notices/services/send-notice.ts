import {
  type Case,
  type CaseEvent,
  type CaseEventType,
  caseEventTypes,
  caseKinds,
  caseStates,
} from '#cases/domain/case.ts';
import type { CaseSummary } from '#cases/domain/case-summary.ts';
import {
  type Audience,
  audienceFor,
  duplicatesMergedBefore,
  mergeTellsComplainant,
  tellsComplainant,
} from '#cases/domain/notice-audience.ts';
import { scopeUnitIds } from '#cases/domain/workflow.ts';
import { type ComplainantNotice, complainantEmail, hasOfficialNotice, officialNoticeEmail } from '#cases/notices.ts';
import { getCase, getCaseWithHistory, getHistoryEntry } from '#cases/services/records.ts';
import { calendarMissingEmail, deadlineNoticeEmail, digestEmail, isDeadlineEvent } from '#deadlines/notices.ts';
import { getOrgUnit, getUser, listRoleMembers } from '#directory/services/lookup.ts';
import { assessmentEmail, notifiedAssessmentActions } from '#grading/notices.ts';
import { requireAssessment } from '#grading/services/read-assessments.ts';
import { complaintRegisteredEmail } from '#intake/notices.ts';
import type { Email } from '#platform/adapters/mailer.ts';
import { publicBaseUrl } from '#platform/config.ts';
import { z } from '#platform/domain/zod.ts';

const caseEventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(caseEventTypes),
  caseId: z.string().min(1),
  occurredAt: z.iso.datetime(),
  sequence: z.number().int().positive().optional(),
  clock: z.string().optional(),
  dueAt: z.iso.datetime().optional(),
  calendarYears: z.array(z.int()).optional(),
}) satisfies z.ZodType<CaseEvent>;

/** A case as the digest lists it: the summary the listing entries hold (`#cases/domain/case-summary.ts`). */
const caseSummarySchema: z.ZodType<CaseSummary> = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(caseKinds),
  state: z.enum(caseStates),
  version: z.number(),
  unitId: z.string(),
  receivedAt: z.string(),
  updatedAt: z.string(),
  channel: z.string().optional(),
  category: z.string().optional(),
  urgency: z.string().optional(),
  town: z.string().optional(),
  departmentId: z.string().optional(),
  responsibleUsername: z.string().optional(),
  leadUsername: z.string().optional(),
  colour: z.string().optional(),
  late: z.boolean().optional(),
  dueAt: z.string().optional(),
  scopeUnitIds: z.array(z.string()),
});

/** The morning digest for one official: a snapshot of their red and yellow cases. */
const digestSchema = z.object({
  type: z.literal('digest'),
  id: z.string().min(1),
  recipient: z.string().min(1),
  date: z.iso.date(),
  items: z.array(caseSummarySchema).readonly(),
  /** Campaign tasks' weekly reports not filed by their due day, of the tasks the recipient is person or leader of. */
  missingReports: z
    .array(
      z.object({
        campaignName: z.string(),
        taskNumber: z.number().int(),
        title: z.string(),
        caseId: z.string(),
        departmentName: z.string(),
        week: z.string(),
        dueDate: z.string(),
        status: z.enum(['missing-yellow', 'missing-red']),
      }),
    )
    .readonly()
    .default([]),
});

/**
 * What the notices queue carries: a case event (its `type` one of `caseEventTypes`) or a morning digest. Anything else
 * is a poison message: the queue consumer reports it as failed, and SQS moves it to the dead-letter queue.
 */
/** A step of a grading assessment (submitted, returned, published): the officials concerned are emailed. */
const assessmentStepSchema = z.object({
  type: z.literal('assessment'),
  id: z.string().min(1),
  assessmentId: z.string().min(1),
  action: z.enum(notifiedAssessmentActions),
  /** The unit of the official who took the step: its path names the reviewers and supervisors to tell. */
  unitId: z.string().min(1),
  occurredAt: z.iso.datetime(),
});

export const noticeMessageSchema = z.discriminatedUnion('type', [caseEventSchema, digestSchema, assessmentStepSchema]);

export type AssessmentStepMessage = z.output<typeof assessmentStepSchema>;

export type DigestMessage = z.output<typeof digestSchema>;
export type NoticeMessage = z.output<typeof noticeMessageSchema>;

/** The case's page in the officials' console. */
const caseUrl = (item: Case) => `${publicBaseUrl()}/console/cases/${encodeURIComponent(item.id)}`;
/** The public tracking page, with the code filled in (the secret never goes into a link); web complaints only. */
const trackingUrl = (item: Case) =>
  item.trackingCode ? `${publicBaseUrl()}/track?code=${encodeURIComponent(item.trackingCode)}` : undefined;

/** Email addresses of the officials an event concerns (the rule: domain/notice-audience.ts). */
const officialRecipients = async (type: CaseEventType, item: Case): Promise<string[]> => {
  const assignment = item.assignment;
  const emailsOf = async (audience: Audience): Promise<string[]> => {
    switch (audience) {
      case 'responsible':
        return assignment ? [(await getUser(assignment.responsibleUsername)).email] : [];
      case 'lead':
        return assignment ? [(await getUser(assignment.leadUsername)).email] : [];
      case 'dispatchers':
        return (await listRoleMembers('dispatcher', item.unitPath)).map((member) => member.email);
      case 'supervisors':
        return (await listRoleMembers('supervisor', scopeUnitIds(item))).map((member) => member.email);
      case 'admins':
        return (await listRoleMembers('admin', item.unitPath)).map((member) => member.email);
    }
  };
  const emails = await Promise.all(audienceFor(type, Boolean(assignment)).map(emailsOf));
  return [...new Set(emails.flat())];
};

/**
 * Complainants to tell (the rule: domain/notice-audience.ts): of a decision or result, the case's own and those of
 * the duplicates merged into it, each under their own number; of a merge into a case already accepted, the
 * duplicate's.
 */
const complainantEmails = async (event: CaseEvent, item: Case): Promise<Email[]> => {
  const type = event.type;
  const toEach = (notice: ComplainantNotice, reported: readonly Case[], master: Case): Email[] =>
    reported.flatMap((each) => {
      const to = each.complaint?.complainant?.email;
      return to ? [{ to, ...complainantEmail(notice, each, master, trackingUrl(each)) }] : [];
    });
  if (type === 'case-merged') {
    const merge = event.sequence ? await getHistoryEntry(item.id, event.sequence) : undefined;
    if (!item.mergedInto || !mergeTellsComplainant(merge)) return [];
    return toEach(type, [item], await getCase(item.mergedInto));
  }
  if (!tellsComplainant(type)) return [];
  return toEach(type, [item, ...(await mergedBefore(event, item))], item);
};

/** The duplicates merged into `item` before `event` (all of them for an event that does not name its entry). */
const mergedBefore = async (event: CaseEvent, item: Case): Promise<Case[]> => {
  if (item.mergedCases.length === 0) return [];
  const ids = event.sequence
    ? duplicatesMergedBefore((await getCaseWithHistory(item.id)).history, event.sequence)
    : item.mergedCases;
  return Promise.all(ids.map(getCase));
};

/** The emails a queue message calls for, one per recipient. */
export const emailsFor = async (message: NoticeMessage): Promise<Email[]> => {
  if (message.type === 'digest') return digestEmails(message);
  if (message.type === 'assessment') return assessmentEmails(message);
  return emailsForEvent(message);
};

/**
 * Who hears of an assessment's step: a submission, the reviewers (leads and supervisors on the submitter's unit path);
 * a return, whoever prepared it; a publication, whoever prepared it and the supervisors on the path.
 */
const assessmentEmails = async (message: AssessmentStepMessage): Promise<Email[]> => {
  const [assessment, unit] = await Promise.all([requireAssessment(message.assessmentId), getOrgUnit(message.unitId)]);
  const preparer = async () => [(await getUser(assessment.submittedBy ?? assessment.createdBy)).email];
  const members = async (role: 'lead' | 'supervisor') =>
    (await listRoleMembers(role, unit.path)).map((member) => member.email);
  const recipients =
    message.action === 'submit'
      ? [...(await members('lead')), ...(await members('supervisor'))]
      : message.action === 'return'
        ? await preparer()
        : [...(await preparer()), ...(await members('supervisor'))];
  const url = `${publicBaseUrl()}/console/grading/assessments/${encodeURIComponent(assessment.id)}`;
  const content = assessmentEmail(message.action, assessment, url);
  return [...new Set(recipients)].map((to) => ({ to, ...content }));
};

const digestEmails = async (digest: DigestMessage): Promise<Email[]> => {
  const user = await getUser(digest.recipient);
  return [
    {
      to: user.email,
      ...digestEmail(digest.date, user.displayName, digest.items, publicBaseUrl(), digest.missingReports),
    },
  ];
};

/**
 * The administrators' emails about the years the event reports missing (a registration's first deadlines, or one
 * `calendar-missing` year, whose event id names the case and year): each year of a case is reported by one event only,
 * and only while the case still lacks it.
 */
const calendarMissingEmails = async (event: CaseEvent, item: Case): Promise<Email[]> => {
  const years = event.calendarYears ?? (event.type === 'calendar-missing' ? (item.calendarMissingYears ?? []) : []);
  const content = calendarMissingEmail(item, years, caseUrl(item));
  if (!content) return [];
  return (await officialRecipients('calendar-missing', item)).map((to) => ({ to, ...content }));
};

/** The emails an event calls for, one per recipient. */
export const emailsForEvent = async (event: CaseEvent): Promise<Email[]> => {
  const item = await getCase(event.caseId);
  if (event.type === 'complaint-registered') {
    const content = complaintRegisteredEmail(item, caseUrl(item));
    const registered = (await officialRecipients(event.type, item)).map((to) => ({ to, ...content }));
    return [...registered, ...(await calendarMissingEmails(event, item))];
  }
  const emails = await complainantEmails(event, item);
  if (event.type === 'calendar-missing') {
    emails.push(...(await calendarMissingEmails(event, item)));
  } else if (isDeadlineEvent(event.type)) {
    const clock = event.clock && event.dueAt ? { name: event.clock, dueAt: event.dueAt } : undefined;
    const content = deadlineNoticeEmail(event.type, item, caseUrl(item), clock);
    emails.push(...(await officialRecipients(event.type, item)).map((to) => ({ to, ...content })));
  } else if (hasOfficialNotice(event.type)) {
    const reason = event.sequence ? (await getHistoryEntry(item.id, event.sequence))?.reason : undefined;
    const content = officialNoticeEmail(event.type, item, caseUrl(item), reason);
    emails.push(...(await officialRecipients(event.type, item)).map((to) => ({ to, ...content })));
  }
  return emails;
};
