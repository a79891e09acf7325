import { z } from 'zod';
import { publicBaseUrl } from '#config';
import { type Case, type CaseEvent, caseEventTypes } from '#domain/case.ts';
import { parseWith } from '#domain/validation.ts';
import type { Email } from '#messaging/mailer.ts';
import { type ComplainantNotice, complainantEmail } from '#notifications/complainant-notice.ts';
import { complaintRegisteredEmail } from '#notifications/complaint-registered.ts';
import { hasOfficialNotice, officialNoticeEmail } from '#notifications/official-notice.ts';
import { getCase, getHistoryEntry } from '#persistence/cases.ts';
import { getUser, listRoleMembers } from '#persistence/directory.ts';

const caseEventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(caseEventTypes),
  caseId: z.string().min(1),
  occurredAt: z.iso.datetime(),
  sequence: z.number().int().positive().optional(),
});

/** A queue message body as a case event; anything else is a poison message and fails loudly. */
export const parseCaseEvent = (body: string): CaseEvent => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new Error('queue message is not JSON', { cause });
  }
  return parseWith(caseEventSchema, json);
};

const caseUrl = (item: Case) => `${publicBaseUrl()}/v1/cases/${item.id}`;
const trackingUrl = (item: Case) => `${publicBaseUrl()}/v1/public/complaints/${item.trackingCode ?? item.number}`;

/** Email addresses of the officials an event concerns. */
const officialRecipients = async (event: CaseEvent, item: Case): Promise<string[]> => {
  const assignment = item.assignment;
  const users = (usernames: string[]) =>
    Promise.all([...new Set(usernames)].map(async (username) => (await getUser(username)).email));
  switch (event.type) {
    case 'case-returned':
      return (await listRoleMembers('dispatcher', item.unitPath)).map((member) => member.email);
    case 'case-assigned':
      return assignment ? users([assignment.responsibleUsername, assignment.leadUsername]) : [];
    case 'extension-requested':
    case 'result-submitted':
    case 'review-requested':
      return assignment ? users([assignment.leadUsername]) : [];
    case 'extension-approved':
    case 'extension-refused':
    case 'result-sent-back':
    case 'case-reopened':
      return assignment ? users([assignment.responsibleUsername]) : [];
    default:
      return [];
  }
};

const complainantNotices: readonly string[] = ['case-accepted', 'case-rejected', 'case-closed'];

/** Complainants to tell: the case's own and, on closing, those of duplicates merged into it. */
const complainantEmails = async (event: CaseEvent, item: Case): Promise<Email[]> => {
  if (!complainantNotices.includes(event.type)) return [];
  const reported =
    event.type === 'case-closed' ? [item, ...(await Promise.all(item.mergedCases.map(getCase)))] : [item];
  return reported.flatMap((each) => {
    const to = each.complaint?.complainant?.email;
    return to ? [{ to, ...complainantEmail(event.type as ComplainantNotice, each, item, trackingUrl(each)) }] : [];
  });
};

/** The emails an event calls for, one per recipient. */
export const emailsForEvent = async (event: CaseEvent): Promise<Email[]> => {
  const item = await getCase(event.caseId);
  if (event.type === 'complaint-registered') {
    const recipients = await listRoleMembers('dispatcher', item.unitPath);
    const content = complaintRegisteredEmail(item, caseUrl(item));
    return recipients.map((recipient) => ({ to: recipient.email, ...content }));
  }
  const emails = await complainantEmails(event, item);
  if (hasOfficialNotice(event.type)) {
    const reason = event.sequence ? (await getHistoryEntry(item.id, event.sequence))?.reason : undefined;
    const content = officialNoticeEmail(event.type, item, caseUrl(item), reason);
    emails.push(...(await officialRecipients(event, item)).map((to) => ({ to, ...content })));
  }
  return emails;
};
