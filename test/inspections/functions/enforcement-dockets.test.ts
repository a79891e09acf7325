/**
 * Docket numbers (立案文号) are assigned on filing, never typed in: `环立〔year〕n号`, in the year's series (the filing
 * day's year, Asia/Shanghai) of the enforcement body filing — the nearest bureau or branch on the filer's path —
 * unique and increasing; a number whose filing did not land is recorded as a gap with the reason.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { putOrgUnit, putUser } from '#directory/store/directory.ts';
import type { EnforcementCase } from '#inspections/domain/enforcement.ts';
import { takeDocketNumbers } from '#inspections/store/records.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import type { Problem } from '#platform/http/problem.ts';
import { liyang } from '../../campaigns/support/liyang.ts';
import { call } from '../../enterprises/support/enterprises.ts';
import { throttling } from '../../support/dynamo-faults.ts';
import { bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';
import { failTransactionOnce, seedLiyang, someFirms, writes } from '../support/inspections.ts';

let aws: LocalAws;
const [firm, other] = someFirms(2, 30_000_000);

/** 城东分局 of the Liyang bureau, with its own enforcement team and a handler there. */
const branch = {
  id: 'ly-east',
  name: '城东分局',
  kind: 'branch',
  parentId: 'liyang',
  path: ['liyang', 'ly-east'],
} as const;
const branchTeam = {
  id: 'ly-east-enforcement',
  name: '城东分局监察中队',
  kind: 'department',
  parentId: 'ly-east',
  path: ['liyang', 'ly-east', 'ly-east-enforcement'],
} as const;
const branchHandler: Principal = { username: 'ly-east-handler', roles: ['handler'], unitId: branchTeam.id };

const file = (body: Record<string, unknown>, principal: Principal = liyang.enforcement) =>
  call('POST', '/v1/enforcement-cases', {
    principal,
    body: { uscc: firm?.uscc, cause: '超标排放水污染物', filedOn: '2026-04-15', ...body },
  });

const docketOf = async (body: Record<string, unknown> = {}, principal?: Principal): Promise<string> => {
  const response = await file(body, principal);
  expect(response.statusCode, response.body).toBe(201);
  return bodyOf<EnforcementCase>(response).docketNumber;
};

beforeAll(async () => {
  aws = await startLocalAws();
  setNow(beijing('2026-04-15T09:00:00'));
  await seedLiyang(
    [firm, other].filter((each) => each !== undefined),
    [],
  );
  await Promise.all([putOrgUnit(branch), putOrgUnit(branchTeam)]);
  await putUser({
    username: branchHandler.username,
    displayName: '城东执法员',
    email: 'east@liyang.example.cn',
    roles: ['handler'],
    unitId: branchTeam.id,
  });
}, 120_000);

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  setNow(null);
  await aws?.stop();
});

describe('docket numbers', () => {
  it('numbers filings 环立〔year〕n号 in filing order, per enforcement body and per year of the filing day', async () => {
    // Act
    const first = await docketOf();
    const second = await docketOf({ uscc: other?.uscc });
    const third = await docketOf({ cause: '未批先建' });
    const branchFirst = await docketOf({}, branchHandler);
    const lastYear = await docketOf({ filedOn: '2025-12-31' });

    // Assess: 监察大队 files in the bureau's name, 城东分局's team in the branch's.
    expect([first, second, third]).toEqual(['环立〔2026〕1号', '环立〔2026〕2号', '环立〔2026〕3号']);
    expect(branchFirst).toBe('环立〔2026〕1号');
    expect(lastYear).toBe('环立〔2025〕1号');
  });

  it('refuses a docket number typed in, naming it', async () => {
    const typed = await file({ docketNumber: '溧环立〔2026〕99号' });

    expect(typed.statusCode).toBe(400);
    expect(bodyOf<Problem>(typed).errors).toEqual([{ path: 'docketNumber', message: '不允许的字段，请删除' }]);
  });

  it('takes numbers atomically: concurrent takes are distinct and consecutive', async () => {
    const taken = await Promise.all(Array.from({ length: 20 }, () => takeDocketNumbers('ly-concurrent', 2026, 1)));
    const block = await takeDocketNumbers('ly-concurrent', 2026, 3);

    expect(
      taken
        .flat()
        .map((docket) => docket.sequence)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(block.map((docket) => docket.number)).toEqual(['环立〔2026〕21号', '环立〔2026〕22号', '环立〔2026〕23号']);
  });

  it('records the number of a filing that failed as a gap, with why; the next filing takes the next number', async () => {
    // Prepare
    const before = await docketOf({ filedOn: '2026-04-14' });
    const fault = failTransactionOnce(writes('ENFCASE#'), throttling());

    // Act
    const failed = await file({ filedOn: '2026-04-14' });
    const next = await docketOf({ filedOn: '2026-04-14' });

    // Assess
    const sequence = Number(/〔2026〕(\d+)号/.exec(before)?.[1]);
    expect(fault.failed()).toBe(true);
    expect(failed.statusCode).toBe(500);
    expect(next).toBe(`环立〔2026〕${sequence + 2}号`);
    const { Item: gap } = await dynamo().send(
      new GetCommand({
        TableName: process.env.TABLE_NAME,
        Key: { pk: 'DOCKET#liyang#2026', sk: `GAP#${String(sequence + 1).padStart(6, '0')}` },
      }),
    );
    expect(gap).toMatchObject({
      type: 'number-gap',
      number: `环立〔2026〕${sequence + 1}号`,
      reason: 'transaction-failed',
      detail: expect.stringContaining('ProvisionedThroughputExceededException'),
    });
  });

  it('keeps the number of a filing whose transaction landed though its answer was lost', async () => {
    // Prepare
    const fault = failTransactionOnce(writes('ENFCASE#'), throttling(), 'after');

    // Act
    const filed = await file({ cause: '应答丢失的立案' });

    // Assess
    expect(fault.failed()).toBe(true);
    expect(filed.statusCode, filed.body).toBe(201);
    const docket = bodyOf<EnforcementCase>(filed).docketNumber;
    const ledger = bodyOf<{ items: EnforcementCase[] }>(
      await call('GET', '/v1/enforcement-cases', { principal: liyang.supervisor, query: { period: '2026' } }),
    );
    expect(ledger.items.filter((item) => item.docketNumber === docket)).toHaveLength(1);
    const { Item: gap } = await dynamo().send(
      new GetCommand({
        TableName: process.env.TABLE_NAME,
        Key: {
          pk: 'DOCKET#liyang#2026',
          sk: `GAP#${String(Number(/〔2026〕(\d+)号/.exec(docket)?.[1])).padStart(6, '0')}`,
        },
      }),
    );
    expect(gap).toBeUndefined();
  });
});
