import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import { initialPolicySet, type TimeLimitPolicy } from '#deadlines/domain/time-limit-policies.ts';
import { setNow } from '#platform/clock.ts';
import { apiClient, demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
let putPolicies: unknown;

const read = async (id: string) => bodyOf<CaseView>(await api.read(id, demo.dispatcher));
/** Version 2: complaints by letter are to be finished in 30 days instead of 60. */
const version2: TimeLimitPolicy[] = initialPolicySet.policies.map((policy) =>
  policy.id === 'petition-regulation'
    ? { ...policy, steps: { ...policy.steps, finish: { ...policy.steps.finish, amount: 30 } } }
    : policy,
);

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: putPolicies } = await import('../../../functions/deadlines/put-time-limit-policies.ts'));
});
afterAll(async () => {
  setNow(null);
  await aws.stop();
});

describe('each clock records the policy and version that computed it', () => {
  it('a letter registered under version 1 and accepted after version 2 was saved keeps version 1’s 60 days', async () => {
    setNow(beijing('2026-09-01T09:00:00'));
    const registered = await api.submit(aComplaint({ channel: 'letter' }));
    const saved = await invoke(
      putPolicies,
      apiEvent({
        method: 'PUT',
        path: '/v1/admin/time-limit-policies',
        routeKey: 'PUT /v1/admin/time-limit-policies',
        principal: aPrincipal('admin', 'city'),
        body: { basedOn: 1, policies: version2 },
      }),
    );
    expect(saved.statusCode, saved.body).toBe(200);

    setNow(beijing('2026-09-01T10:00:00'));
    await api.act(registered.id, 'accept', demo.dispatcher);

    const { timeLimits } = await read(registered.id);
    expect(timeLimits).toMatchObject({ policyId: 'petition-regulation', policyVersion: 1 });
    // 1 September + 60 days = Sat 31 October, a rest day: Mon 2 November (version 2 would say 1 October).
    expect(timeLimits?.clocks.finish).toMatchObject({
      dueDate: '2026-11-02',
      policyId: 'petition-regulation',
      policyVersion: 1,
    });
    expect(timeLimits?.clocks.accept).toMatchObject({ policyId: 'petition-regulation', policyVersion: 1 });
  });

  it('a letter registered after version 2 was saved runs every clock under version 2', async () => {
    const registered = await api.submit(aComplaint({ channel: 'letter' }));
    await api.act(registered.id, 'accept', demo.dispatcher);

    const { timeLimits } = await read(registered.id);
    expect(timeLimits).toMatchObject({ policyId: 'petition-regulation', policyVersion: 2 });
    // 1 September + 30 days = 1 October, in the National Day holiday: the next working day is 8 October.
    expect(timeLimits?.clocks.finish).toMatchObject({
      dueDate: '2026-10-08',
      policyId: 'petition-regulation',
      policyVersion: 2,
    });
    expect(timeLimits?.clocks.accept).toMatchObject({ policyId: 'petition-regulation', policyVersion: 2 });
  });
});
