import { z } from 'zod';
import { publicBaseUrl } from '#config';
import type { CaseEvent } from '#domain/case.ts';
import { parseWith } from '#domain/validation.ts';
import type { Email } from '#messaging/mailer.ts';
import { complaintRegisteredEmail } from '#notifications/complaint-registered.ts';
import { getCase } from '#persistence/cases.ts';
import { listRoleMembers } from '#persistence/directory.ts';

const caseEventSchema = z.object({
  id: z.string().min(1),
  type: z.literal('complaint-registered'),
  caseId: z.string().min(1),
  occurredAt: z.iso.datetime(),
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

/** The emails an event calls for, one per recipient. */
export const emailsForEvent = async (event: CaseEvent): Promise<Email[]> => {
  switch (event.type) {
    case 'complaint-registered': {
      const item = await getCase(event.caseId);
      const recipients = await listRoleMembers('dispatcher', item.unitPath);
      const content = complaintRegisteredEmail(item, `${publicBaseUrl()}/v1/cases/${item.id}`);
      return recipients.map((recipient) => ({ to: recipient.email, ...content }));
    }
  }
};
