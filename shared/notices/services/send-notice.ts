import {
  type Case,
  type CaseEvent,
  type CaseEventType,
  type CaseKind,
  caseEventTypes,
  caseStates,
} from '#cases/domain/case.ts';
import type { CaseSummary } from '#cases/domain/case-summary.ts';
import { type Audience, audienceFor, tellsComplainant } from '#cases/domain/notice-audience.ts';
import { scopeUnitIds } from '#cases/domain/workflow.ts';
import { complainantEmail, hasOfficialNotice, officialNoticeEmail } from '#cases/notices.ts';
import { getCase, getHistoryEntry } from '#cases/services/records.ts';
import { deadlineNoticeEmail, digestEmail, isDeadlineEvent } from '#deadlines/notices.ts';
import { getUser, listRoleMembers } from '#directory/services/lookup.ts';
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
}) satisfies z.ZodType<CaseEvent>;

/** A case as the digest lists it: the summary the listing entries hold (`#cases/domain/case-summary.ts`). */
const caseSummarySchema: z.ZodType<CaseSummary> = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum({
    complaint: 'complaint',
    rectification: 'rectification',
    task: 'task',
    'help-plan': 'help-plan',
  } satisfies Record<CaseKind, CaseKind>),
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
});

/**
 * What the notices queue carries: a case event (its `type` one of `caseEventTypes`) or a morning digest. Anything else
 * is a poison message: the queue consumer reports it as failed, and SQS moves it to the dead-letter queue.
 */
export const noticeMessageSchema = z.discriminatedUnion('type', [caseEventSchema, digestSchema]);

export type DigestMessage = z.output<typeof digestSchema>;
export type NoticeMessage = z.output<typeof noticeMessageSchema>;

const caseUrl = (item: Case) => `${publicBaseUrl()}/v1/cases/${item.id}`;
const trackingUrl = (item: Case) => `${publicBaseUrl()}/v1/public/complaints/${item.trackingCode ?? item.number}`;

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

/** Complainants to tell: the case's own and, on closing, those of duplicates merged into it. */
const complainantEmails = async (event: CaseEvent, item: Case): Promise<Email[]> => {
  const type = event.type;
  if (!tellsComplainant(type)) return [];
  const reported = type === 'case-closed' ? [item, ...(await Promise.all(item.mergedCases.map(getCase)))] : [item];
  return reported.flatMap((each) => {
    const to = each.complaint?.complainant?.email;
    return to ? [{ to, ...complainantEmail(type, each, item, trackingUrl(each)) }] : [];
  });
};

/** The emails a queue message calls for, one per recipient. */
export const emailsFor = async (message: NoticeMessage): Promise<Email[]> =>
  message.type === 'digest' ? digestEmails(message) : emailsForEvent(message);

const digestEmails = async (digest: DigestMessage): Promise<Email[]> => {
  const user = await getUser(digest.recipient);
  return [{ to: user.email, ...digestEmail(digest.date, user.displayName, digest.items, publicBaseUrl()) }];
};

/** The emails an event calls for, one per recipient. */
export const emailsForEvent = async (event: CaseEvent): Promise<Email[]> => {
  const item = await getCase(event.caseId);
  if (event.type === 'complaint-registered') {
    const content = complaintRegisteredEmail(item, caseUrl(item));
    const registered = (await officialRecipients(event.type, item)).map((to) => ({ to, ...content }));
    if (!item.calendarMissingYears?.length) return registered;
    const gap = deadlineNoticeEmail('calendar-missing', item, caseUrl(item));
    const admins = await officialRecipients('calendar-missing', item);
    return [...registered, ...admins.map((to) => ({ to, ...gap }))];
  }
  const emails = await complainantEmails(event, item);
  if (isDeadlineEvent(event.type)) {
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
