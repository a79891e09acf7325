import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { PolicySet } from '#deadlines/domain/time-limit-policies.ts';
import type { MorningReport } from '#deadlines/services/morning-notices.ts';
import type { NightlyReport } from '#deadlines/services/nightly-check.ts';
import type { Ledger } from '#ledger/domain/ledger.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws, storedEmails } from '../../support/local-aws.ts';
import { drainNotices } from '../../support/notices.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
let sweep: unknown;
let morning: unknown;
let sendNotice: unknown;
let getLedger: unknown;
let putPolicies: unknown;
let caseId: string;
let caseNumber: string;

const nightly = async (local: string) =>
  (await invoke(sweep, {
    schedule: 'nightly-check',
    scheduledTime: beijing(local).toISOString(),
  })) as unknown as NightlyReport;
const morningRun = async (local: string) =>
  (await invoke(morning, {
    schedule: 'morning-notices',
    scheduledTime: beijing(local).toISOString(),
  })) as unknown as MorningReport;
const read = async (id = caseId) => bodyOf<CaseView>(await api.read(id, demo.dispatcher));
const mail = async (number = caseNumber) =>
  (await storedEmails(aws.sesEndpoint))
    .filter((email) => email.subject.includes(number) || email.subject.includes('督办日报'))
    .map((email) => `${email.destination.to[0]} ${email.subject.replace(/ · .*$/, '')}`)
    .sort();
const ledger = async (principal: Principal, query: Record<string, string> = {}) =>
  bodyOf<Ledger>(
    await invoke(
      getLedger,
      apiEvent({ method: 'GET', path: '/v1/ledger', routeKey: 'GET /v1/ledger', principal, query }),
    ),
  );

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: sweep } = await import('../../../functions/deadlines/sweep-deadlines.ts'));
  ({ handler: morning } = await import('../../../functions/deadlines/send-morning-notices.ts'));
  ({ handler: sendNotice } = await import('../../../functions/notices/send-notice.ts'));
  ({ handler: getLedger } = await import('../../../functions/ledger/get-ledger.ts'));
  ({ handler: putPolicies } = await import('../../../functions/deadlines/put-time-limit-policies.ts'));

  setNow(beijing('2026-09-01T10:00:00'));
  const created = await api.submit(aComplaint({ channel: 'letter', receivedAt: '2026-09-01T09:00:00+08:00' }));
  caseId = created.id;
  caseNumber = created.number;
  await api.act(caseId, 'accept', demo.dispatcher);
  await api.act(caseId, 'assign', demo.dispatcher, demoAssignmentInput);
  await api.act(caseId, 'sign', demo.handler);
  await drainNotices(sendNotice);
});
afterAll(async () => {
  setNow(null);
  await aws.stop();
});

describe('deadlines, colours and the nightly check', () => {
  it('gives the case its deadlines from the petition-regulation policy, with its version', async () => {
    const found = await read();
    expect(found.timeLimits).toMatchObject({ policyId: 'petition-regulation', policyVersion: 1 });
    expect(found.timeLimits?.clocks.finish?.dueDate).toBe('2026-11-02');
    expect(found.colour).toBe('blue');
  });

  it('reads nothing while no case is near its deadline', async () => {
    expect(await nightly('2026-10-10T01:00:00')).toMatchObject({ read: 0, colourChanges: 0 });
  });

  it('turns the case yellow, records it in the history, and a second run the same night does nothing', async () => {
    const first = await nightly('2026-10-25T01:00:00');
    const second = await nightly('2026-10-25T01:00:00');

    expect(first).toMatchObject({ read: 1, colourChanges: 1, notices: 1 });
    expect(second).toMatchObject({ read: 0, colourChanges: 0, notices: 0 });
    const found = await read();
    expect(found.colour).toBe('yellow');
    expect(found.history?.at(-1)).toMatchObject({
      action: 'deadline-check',
      actor: 'nightly-check',
      role: 'system',
      changes: { colour: { from: 'blue', to: 'yellow' }, notices: ['deadline-yellow'] },
    });
  });

  it('sends nothing on a Sunday morning, and on Monday the warning to the responsible person and digests, once', async () => {
    expect(await morningRun('2026-10-25T08:30:00')).toMatchObject({ workingDay: false, notices: 0 });

    const monday = await morningRun('2026-10-26T08:30:00');
    await drainNotices(sendNotice);
    const again = await morningRun('2026-10-26T08:30:00');
    await drainNotices(sendNotice);

    expect(monday).toMatchObject({ workingDay: true, notices: 1, digests: 2 });
    expect(again.notices).toBe(0);
    const sent = await mail();
    expect(sent.filter((line) => line.includes('临期预警'))).toEqual([
      `handler@greenline.local 【临期预警】${caseNumber} 噪声污染`,
    ]);
    expect(sent.filter((line) => line.includes('督办日报'))).toEqual([
      'lead@greenline.local 【督办日报】2026-10-26 超期 0 件、临期 1 件',
      'supervisor@greenline.local 【督办日报】2026-10-26 超期 0 件、临期 1 件',
    ]);
  });

  it('turns red after the deadline with a reminder to the responsible person and the lead, then supervision', async () => {
    expect(await nightly('2026-11-03T01:00:00')).toMatchObject({ read: 1, colourChanges: 1, notices: 2 });
    await morningRun('2026-11-03T08:30:00');
    await drainNotices(sendNotice);
    expect(await nightly('2026-11-10T01:00:00')).toMatchObject({ read: 1, notices: 1 });
    await morningRun('2026-11-10T08:30:00');
    await drainNotices(sendNotice);

    const sent = (await mail()).filter((line) => /超期】|催办|督办】/.test(line));
    expect(sent).toEqual(
      [
        `handler@greenline.local 【超期】${caseNumber} 噪声污染`,
        `lead@greenline.local 【超期】${caseNumber} 噪声污染`,
        `handler@greenline.local 【催办】${caseNumber} 噪声污染`,
        `lead@greenline.local 【催办】${caseNumber} 噪声污染`,
        `lead@greenline.local 【督办】${caseNumber} 噪声污染`,
        `supervisor@greenline.local 【督办】${caseNumber} 噪声污染`,
      ].sort(),
    );
    expect(await nightly('2026-11-20T01:00:00')).toMatchObject({ read: 0 });
  });

  it('shows the case red on the ledger of the branch and the bureau', async () => {
    const branch = await ledger(demo.lead);
    expect(branch.counts).toMatchObject({ red: 1 });
    expect(branch.cases.red.map((item) => item.id)).toEqual([caseId]);
    const bureau = await ledger(demo.supervisor, { unit: 'city' });
    expect(bureau.units.find((unit) => unit.unitId === 'east')?.counts.red).toBe(1);
    expect(
      (
        await invoke(
          getLedger,
          apiEvent({
            method: 'GET',
            path: '/v1/ledger',
            routeKey: 'GET /v1/ledger',
            principal: demo.lead,
            query: { unit: 'city' },
          }),
        )
      ).statusCode,
    ).toBe(403);
  });

  it('turns green, marked late, when closed after the deadline', async () => {
    setNow(beijing('2026-11-20T10:00:00'));
    await api.act(caseId, 'submit-result', demo.handler, {
      result: '已现场检查并责令整改。',
      publicReply: '已责令企业整改。',
    });
    await api.act(caseId, 'approve-result', demo.lead);
    const found = await read();
    expect([found.colour, found.late, found.nextCheckAt]).toEqual(['green', true, undefined]);
  });
});

describe('policies and calendar gaps', () => {
  it('applies a new policy version to new cases only', async () => {
    const { initialPolicySet } = await import('#deadlines/domain/time-limit-policies.ts');
    const policies = initialPolicySet.policies.map((policy) =>
      policy.id === 'petition-regulation'
        ? { ...policy, steps: { ...policy.steps, finish: { ...policy.steps.finish, amount: 30 } } }
        : policy,
    );
    const admin = aPrincipal('admin', 'city');
    const put = (principal: Principal, body: unknown) =>
      invoke(
        putPolicies,
        apiEvent({
          method: 'PUT',
          path: '/v1/admin/time-limit-policies',
          routeKey: 'PUT /v1/admin/time-limit-policies',
          principal,
          body,
        }),
      );

    expect((await put(demo.handler, { basedOn: 1, policies })).statusCode).toBe(403);
    const saved = await put(admin, { basedOn: 1, policies });
    expect(saved.statusCode).toBe(200);
    expect(bodyOf<PolicySet>(saved).version).toBe(2);
    expect((await put(admin, { basedOn: 1, policies })).statusCode).toBe(409);

    setNow(beijing('2026-09-01T10:00:00'));
    const fresh = await api.submit(aComplaint({ channel: 'letter' }));
    await api.act(fresh.id, 'accept', demo.dispatcher);
    const found = await read(fresh.id);
    expect(found.timeLimits).toMatchObject({ policyVersion: 2 });
    expect(found.timeLimits?.clocks.finish?.dueDate).toBe('2026-10-08');
    expect((await read()).timeLimits?.policyVersion).toBe(1);
  });

  it('flags a working-day deadline in 2027, which has no calendar yet, and tells the administrators', async () => {
    setNow(beijing('2027-02-01T10:00:00'));
    const created = await api.submit(
      aComplaint({ channel: 'hotline', place: { address: '城北路 1 号', town: '城北街道' } }),
    );
    await drainNotices(sendNotice);

    expect(created.calendarMissingYears).toEqual([2027]);
    const sent = await mail(created.number);
    expect(sent).toContain(`admin@greenline.local 【日历缺失】${created.number} 噪声污染`);
  });
});
