import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type MockInstance, vi } from 'vitest';
import { putOrgUnit, putUser } from '#directory/store/directory.ts';
import { newEnterpriseSchema, registerEnterprise } from '#enterprises/domain/enterprise.ts';
import { saveEnterprise } from '#enterprises/store/enterprises.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { liyang, liyangUnits, liyangUsers } from '../../campaigns/support/liyang.ts';
import { call, makeUscc } from '../../enterprises/support/enterprises.ts';

/** `count` general firms (none a key polluter, none listed or graded), registered directly in the store. */
export const someFirms = (count: number, first = 20_000_000) =>
  Array.from({ length: count }, (_, index) => ({
    uscc: makeUscc(String(first + index)),
    name: `溧阳抽查企业${String(index).padStart(2, '0')}`,
    industries: [{ code: 'C3360', label: '金属表面处理及热处理加工' }],
    address: '城东工业园',
    town: '城东街道',
  }));

/** The Liyang bureau, its users, `firms` in the register and `inspectors` in the pool (with certificates). */
export const seedLiyang = async (
  firms: readonly ReturnType<typeof someFirms>[number][],
  inspectors: readonly string[],
): Promise<void> => {
  await Promise.all(liyangUnits.map((unit) => putOrgUnit(unit)));
  await Promise.all(liyangUsers.map((user) => putUser(user)));
  await Promise.all(
    firms.map((firm) =>
      saveEnterprise(
        undefined,
        registerEnterprise(newEnterpriseSchema.parse(firm), 'test', '2026-01-05T02:00:00.000Z'),
      ),
    ),
  );
  for (const [index, username] of inspectors.entries()) {
    const response = await call('PUT', '/v1/inspection-plans/inspectors/{username}', {
      principal: liyang.supervisor,
      pathParameters: { username },
      body: { certificateNumber: `3204810${String(index).padStart(4, '0')}` },
    });
    if (response.statusCode !== 200) throw new Error(response.body);
  }
};

type Send = (command: unknown, ...rest: unknown[]) => Promise<unknown>;

/**
 * Lets every DynamoDB call through except the first TransactWriteItems `matches`: that one is answered with `error`
 * (`'after'`: sent first, so it lands, and the answer lost). DynamoDB Local cannot fail a chosen write on demand.
 */
export const failTransactionOnce = (
  matches: (
    items: readonly Record<string, { Item?: Record<string, unknown>; Key?: Record<string, unknown> }>[],
  ) => boolean,
  error: Error,
  when: 'instead' | 'after' = 'instead',
): { spy: MockInstance; failed: () => boolean } => {
  const client = dynamo();
  const send = client.send.bind(client) as unknown as Send;
  let failed = false;
  const spy = vi.spyOn(client, 'send').mockImplementation((async (command: unknown, ...rest: unknown[]) => {
    if (!failed && command instanceof TransactWriteCommand && matches((command.input.TransactItems ?? []) as never)) {
      failed = true;
      if (when === 'after') await send(command, ...rest);
      throw error;
    }
    return send(command, ...rest);
  }) as never);
  return { spy, failed: () => failed };
};

/** Whether a transaction item writes an item whose pk starts with `prefix`. */
export const writes =
  (prefix: string, action: 'Put' | 'Update' = 'Put') =>
  (items: readonly Record<string, { Item?: Record<string, unknown>; Key?: Record<string, unknown> }>[]) =>
    items.some((item) => String((item[action]?.Item ?? item[action]?.Key)?.pk ?? '').startsWith(prefix));
