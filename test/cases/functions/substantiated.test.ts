import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import type { EnterprisePage } from '#enterprises/services/search-enterprises.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { aNewEnterprise, call, makeUscc, register } from '../../enterprises/support/enterprises.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws, storedEmails } from '../../support/local-aws.ts';
import { drainNotices } from '../../support/notices.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
let sendNotice: unknown;
let api: ReturnType<typeof apiClient>;

const { dispatcher, handler, lead } = demo;
const firms = { b: makeUscc('70000001'), c: makeUscc('70000002') };

const enterprise = async (uscc: string) =>
  bodyOf<Enterprise>(await call('GET', '/v1/enterprises/{uscc}', { principal: lead, pathParameters: { uscc } }));

/** A complaint against the firm, walked to closed with the department's finding. */
const closeComplaintAgainst = async (uscc: string, substantiated: 'yes' | 'partly' | 'no'): Promise<CaseView> => {
  const created = await api.submit(aComplaint({ source: { name: '被投诉企业', uscc } }));
  const steps: [string, Principal, unknown][] = [
    ['accept', dispatcher, {}],
    ['assign', dispatcher, demoAssignmentInput],
    ['sign', handler, {}],
    ['submit-result', handler, { result: '现场核查情况如下。', publicReply: '经核查，已依法处理。', substantiated }],
    ['approve-result', lead, {}],
  ];
  for (const [action, principal, body] of steps) {
    const response = await api.act(created.id, action, principal, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
  }
  return bodyOf<CaseView>(await api.read(created.id, dispatcher));
};

beforeAll(async () => {
  setNow(beijing('2026-06-01T10:00'));
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: sendNotice } = await import('../../../functions/notices/send-notice.ts'));
  for (const [uscc, grade] of [
    [firms.b, 'B'],
    [firms.c, 'C'],
  ] as const) {
    const response = await register(aNewEnterprise({ uscc, name: `被投诉企业${grade}`, grade }));
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(async () => {
  setNow(null);
  await aws.stop();
});

describe('a complaint closed as substantiated against a registered firm', () => {
  it('flags a B firm for re-assessment, records the violation and tells the supervisors', async () => {
    const closed = await closeComplaintAgainst(firms.b, 'yes');
    await drainNotices(sendNotice);

    const firm = await enterprise(firms.b);
    expect(closed.result?.substantiated).toBe('yes');
    expect(firm.violations).toEqual([
      expect.objectContaining({ caseId: closed.id, number: closed.number, substantiated: 'yes', source: 'complaint' }),
    ]);
    expect(firm.regrade).toMatchObject({ caseId: closed.id, number: closed.number });
    const flagged = bodyOf<EnterprisePage>(
      await call('GET', '/v1/enterprises', { principal: lead, query: { regrade: 'true' } }),
    );
    expect(flagged.items.map((item) => item.uscc)).toEqual([firms.b]);
    const emails = (await storedEmails(aws.sesEndpoint)).filter((email) => email.subject.includes('待重新评级'));
    expect(emails.map((email) => `${email.destination.to[0]} ${email.subject}`)).toEqual([
      `supervisor@greenline.local 【待重新评级】${closed.number} 噪声污染`,
    ]);
    expect(emails[0]?.body.text).toContain(`被投诉单位：被投诉企业（${firms.b}）`);
  });

  it('records a C firm’s violation without a flag, and nothing for a complaint found not substantiated', async () => {
    const partly = await closeComplaintAgainst(firms.c, 'partly');
    await closeComplaintAgainst(firms.c, 'no');

    const firm = await enterprise(firms.c);
    expect(firm.violations?.map((violation) => [violation.caseId, violation.substantiated])).toEqual([
      [partly.id, 'partly'],
    ]);
    expect(firm.regrade).toBeUndefined();
  });
});
