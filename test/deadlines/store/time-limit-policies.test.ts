import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initialPolicySet, type StoredTimeLimitPolicy } from '#deadlines/domain/time-limit-policies.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

type Store = typeof import('#deadlines/store/time-limit-policies.ts');
type Errors = typeof import('#deadlines/store/errors.ts');

let aws: LocalAws;

/** The store as a process that has read nothing yet loads it (its memory of versions is empty). */
const freshStore = async (): Promise<Store & Errors> => {
  vi.resetModules();
  return {
    ...(await import('#deadlines/store/time-limit-policies.ts')),
    ...(await import('#deadlines/store/errors.ts')),
  };
};

/** A policy as saved before `maxExtensions` and `maxReturns` were policy data. */
const legacy = (match: StoredTimeLimitPolicy['match'], id: string): StoredTimeLimitPolicy => {
  const {
    maxExtensions: _extensions,
    maxReturns: _returns,
    ...rest
  } = initialPolicySet.policies[0] as never as {
    maxExtensions: number;
    maxReturns: number;
  } & StoredTimeLimitPolicy;
  return { ...rest, id, match, maxExtensionDays: 20 };
};

/** Writes version 2 the way the store wrote it before these fields existed, and makes it the version in force. */
const storeLegacyVersionTwo = async () => {
  const { dynamo } = await import('#platform/dynamodb/client.ts');
  const { tableName } = await import('#platform/config.ts');
  const set = {
    type: 'policy-set',
    version: 2,
    policies: [legacy({}, 'petition-regulation'), legacy({ kind: 'rectification' }, 'rectification')],
    updatedAt: '2026-06-01T00:00:00.000Z',
    updatedBy: 'admin',
  };
  for (const sk of ['V#000002', 'CURRENT']) {
    await dynamo().send(new PutCommand({ TableName: tableName('main'), Item: { pk: 'POLICYSET', sk, ...set } }));
  }
};

beforeAll(async () => {
  aws = await startLocalAws();
  await storeLegacyVersionTwo();
});
afterAll(() => aws.stop());

describe('the time-limit policy store', () => {
  it('reads a set saved before the extension and return limits were policy data, with the limits of then', async () => {
    const store = await freshStore();

    const current = await store.getCurrentPolicySet();

    expect(current.version).toBe(2);
    expect(
      current.policies.map(({ id, maxExtensionDays, maxExtensions, maxReturns }) => [
        id,
        maxExtensionDays,
        maxExtensions,
        maxReturns,
      ]),
    ).toEqual([
      ['petition-regulation', 20, 1, 3],
      ['rectification', 20, 2, 3],
    ]);
  });

  it('reads versions 1 to n from the table, version 1 being the initial set that is never stored', async () => {
    const store = await freshStore();

    const versions = await store.getPolicySetVersions(2);

    expect(versions.map((set) => set.version)).toEqual([1, 2]);
    expect(versions[0]).toEqual(initialPolicySet);
    expect(versions[1]?.policies[0]).toMatchObject({ id: 'petition-regulation', maxExtensions: 1, maxReturns: 3 });
  });

  it('names a version that was never saved', async () => {
    const store = await freshStore();
    await expect(store.getPolicySetVersions(3)).rejects.toBeInstanceOf(store.PolicySetVersionNotFoundError);
  });

  it('saves the next version once, and refuses a second save based on the same version', async () => {
    const store = await freshStore();
    const policies = initialPolicySet.policies.map((policy) => ({ ...policy, maxReturns: 1 }));

    const saved = await store.savePolicySet(policies, 2, 'admin', '2026-07-01T00:00:00.000Z');
    const again = store.savePolicySet(policies, 2, 'admin', '2026-07-01T00:00:01.000Z');

    expect(saved.version).toBe(3);
    await expect(again).rejects.toBeInstanceOf(store.PolicyVersionConflictError);
    const reread = await (await freshStore()).getPolicySetVersions(3);
    expect(reread.map((set) => set.version)).toEqual([1, 2, 3]);
    expect(reread[2]?.policies.every((policy) => policy.maxReturns === 1)).toBe(true);
  });
});
