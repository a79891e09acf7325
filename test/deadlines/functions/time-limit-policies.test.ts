import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { PolicySet, TimeLimitPolicy } from '#deadlines/domain/time-limit-policies.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, type HttpResult, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
let putPolicies: unknown;
let getPolicies: unknown;
/** A complaint signed for under the initial policies (version 1), before any administrator changed them. */
let underVersionOne: string;

const admin = aPrincipal('admin', 'city');
const adminEvent = (method: 'GET' | 'PUT', principal: Principal, body?: unknown) =>
  apiEvent({
    method,
    path: '/v1/admin/time-limit-policies',
    routeKey: `${method} /v1/admin/time-limit-policies`,
    principal,
    ...(body === undefined ? {} : { body }),
  });
const put = (basedOn: number, policies: readonly TimeLimitPolicy[]) =>
  invoke(putPolicies, adminEvent('PUT', admin, { basedOn, policies }));
const current = async () => bodyOf<{ current: PolicySet }>(await invoke(getPolicies, adminEvent('GET', admin))).current;

/** A new complaint by letter, accepted, assigned and signed for: the department is working on it. */
const inProgress = async (): Promise<string> => {
  const created = await api.submit(aComplaint({ channel: 'letter' }));
  await api.act(created.id, 'accept', demo.dispatcher);
  await api.act(created.id, 'assign', demo.dispatcher, demoAssignmentInput);
  await api.act(created.id, 'sign', demo.handler);
  return created.id;
};
const requestExtension = (id: string, days: number) =>
  api.act(id, 'request-extension', demo.handler, { days, reason: '需委托第三方监测' });

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: putPolicies } = await import('../../../functions/deadlines/put-time-limit-policies.ts'));
  ({ handler: getPolicies } = await import('../../../functions/deadlines/get-time-limit-policies.ts'));
  setNow(beijing('2026-09-01T10:00:00'));
  underVersionOne = await inProgress();
});
afterAll(async () => {
  setNow(null);
  await aws.stop();
});

describe('the limits of an extension come from the case’s policy version', () => {
  it('refuses a 25-day extension under a policy that allows 5, naming `days`, and accepts 5', async () => {
    const policies = (await current()).policies.map((policy) => ({ ...policy, maxExtensionDays: 5 }));
    const saved = await put(1, policies);
    expect(saved.statusCode, saved.body).toBe(200);
    const id = await inProgress();

    const tooLong = await requestExtension(id, 25);
    const allowed = await requestExtension(id, 5);

    expect(tooLong.statusCode).toBe(400);
    expect((tooLong as HttpResult).headers?.['content-type']).toMatch(/^application\/problem\+json/);
    expect(bodyOf(tooLong).errors).toEqual([{ path: 'days', message: expect.stringContaining('5') }]);
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(bodyOf<CaseView>(allowed).extensions).toEqual([expect.objectContaining({ status: 'requested', days: 5 })]);
  });

  it('keeps the limits of the version a case started with when a later version is in force', async () => {
    const response = await requestExtension(underVersionOne, 25);

    expect(response.statusCode, response.body).toBe(200);
    const found = bodyOf<CaseView>(await api.read(underVersionOne));
    expect(found.timeLimits?.policyVersion).toBe(1);
    expect(found.extensions).toEqual([expect.objectContaining({ days: 25 })]);
  });
});

describe('PUT /v1/admin/time-limit-policies', () => {
  it('names each limit a policy leaves out', async () => {
    const { policySet } = { policySet: await current() };
    const [first, ...rest] = policySet.policies;
    const { maxExtensions: _extensions, maxReturns: _returns, ...withoutLimits } = first as TimeLimitPolicy;

    const response = await put(policySet.version, [withoutLimits as TimeLimitPolicy, ...rest]);

    expect(response.statusCode).toBe(400);
    expect(bodyOf<{ errors: { path: string }[] }>(response).errors.map((problem) => problem.path)).toEqual([
      'policies.0.maxExtensions',
      'policies.0.maxReturns',
    ]);
  });
});
