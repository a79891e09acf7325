/**
 * `PATCH /v1/inspection-plans/{id}`: a plan is changed before its draw, on the version read, and never after — the
 * draw, its snapshot and its published verification data name the plan as it was drawn.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DrawSnapshot } from '#inspections/domain/draw.ts';
import type { InspectionPlan } from '#inspections/domain/plan.ts';
import type { DrawDetails } from '#inspections/services/draws.ts';
import { setNow } from '#platform/clock.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import type { Problem } from '#platform/http/problem.ts';
import { liyang } from '../../campaigns/support/liyang.ts';
import { call } from '../../enterprises/support/enterprises.ts';
import { bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';
import { seedLiyang, someFirms } from '../support/inspections.ts';

let aws: LocalAws;
const planner = liyang.supervisor;

const aPlan = (name: string) => ({
  name,
  period: '2026-Q3',
  rates: { general: 50 },
  items: [{ code: 'A1', label: '污染防治设施运行情况' }],
});

const create = async (name: string): Promise<InspectionPlan> => {
  const response = await call('POST', '/v1/inspection-plans', { principal: planner, body: aPlan(name) });
  expect(response.statusCode, response.body).toBe(201);
  return bodyOf<InspectionPlan>(response);
};

const patch = (id: string, body: unknown, principal = planner) =>
  call('PATCH', '/v1/inspection-plans/{id}', { principal, pathParameters: { id }, body });

beforeAll(async () => {
  aws = await startLocalAws();
  setNow(beijing('2026-06-20T09:00:00'));
  await seedLiyang(someFirms(8), ['huhui', 'tongtao', 'zhushujun', 'wujianfeng']);
}, 120_000);

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  setNow(null);
  await aws?.stop();
});

describe('changing a plan before its draw', () => {
  it('replaces the fields given on the version read, one version on; a change on a stale version is a 409', async () => {
    // Prepare
    const plan = await create('第三季度抽查（初稿）');

    // Act
    const changed = await patch(plan.id, {
      name: '第三季度双随机抽查',
      rates: { 'key-polluter': 30 },
      items: [
        { code: 'A1', label: '污染防治设施运行情况' },
        { code: 'B2', label: '危险废物贮存' },
      ],
      inspectorsPerEntity: 3,
      version: 1,
    });
    const stale = await patch(plan.id, { name: '另一个名称', version: 1 });
    const listed = bodyOf<InspectionPlan[]>(
      await call('GET', '/v1/inspection-plans', { principal: liyang.enforcement, query: { period: '2026-Q3' } }),
    );

    // Assess
    expect(plan.version).toBe(1);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(bodyOf<InspectionPlan>(changed)).toMatchObject({
      name: '第三季度双随机抽查',
      rates: { 'key-polluter': 30, special: 25, general: 50, 'positive-list': 2 },
      items: [{ code: 'A1' }, { code: 'B2' }],
      inspectorsPerEntity: 3,
      period: '2026-Q3',
      version: 2,
      updatedBy: planner.username,
    });
    expect(stale.statusCode).toBe(409);
    expect(bodyOf<Problem>(stale).detail).toContain('当前版本 2');
    expect(listed.find((each) => each.id === plan.id)).toMatchObject({ name: '第三季度双随机抽查', version: 2 });
  });

  it('draws the plan as changed, and refuses any change once drawn, saying why', async () => {
    // Prepare
    const plan = await create('第三季度抽查（待调整）');
    await patch(plan.id, { rates: { general: 100 } });

    // Act
    const drawn = await call('POST', '/v1/draws', { principal: planner, body: { planId: plan.id, seed: '42' } });
    const late = await patch(plan.id, { name: '抽取后改名', version: 2 });

    // Assess
    expect(drawn.statusCode, drawn.body).toBe(201);
    const draw = bodyOf<DrawDetails>(drawn);
    expect((JSON.parse(draw.snapshot) as DrawSnapshot).plan.rates.general).toBe(100);
    expect(draw.result.entities).toHaveLength(8);
    expect(late.statusCode).toBe(409);
    expect(bodyOf<Problem>(late).detail).toMatch(/已抽取.*不能再修改/);
  });

  it('refuses a draw made from the plan as it stood before a change that landed in between', async () => {
    // Prepare: the change lands just before the draw's transaction, after the draw read the plan.
    const plan = await create('第三季度抽查（抽取中修改）');
    const client = dynamo();
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    let changedMeanwhile = false;
    vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      if (!changedMeanwhile && command instanceof TransactWriteCommand) {
        changedMeanwhile = true;
        expect((await patch(plan.id, { rates: { general: 100 } })).statusCode).toBe(200);
      }
      return send(command);
    }) as never);

    // Act
    const drawn = await call('POST', '/v1/draws', { principal: planner, body: { planId: plan.id } });

    // Assess
    expect(changedMeanwhile).toBe(true);
    expect(drawn.statusCode, drawn.body).toBe(409);
    expect(bodyOf<Problem>(drawn).detail).toContain('抽取期间抽查计划被修改');
    vi.restoreAllMocks();
    const again = await call('POST', '/v1/draws', { principal: planner, body: { planId: plan.id } });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('keeps changes to the planners, answers 404 for no such plan and names each bad field', async () => {
    // Prepare
    const plan = await create('第三季度抽查（校验）');

    // Act
    const forbidden = await patch(plan.id, { name: '执法人员改名' }, liyang.enforcement);
    const missing = await patch('01KZZZZZZZZZZZZZZZZZZZZZZZ', { name: '不存在的计划' });
    const bad = await patch(plan.id, { rates: { general: 0 }, items: [], period: '2026-Q4' });

    // Assess
    expect(forbidden.statusCode).toBe(403);
    expect(missing.statusCode).toBe(404);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['content-type']).toMatch(/problem\+json/);
    const problems = bodyOf<Problem>(bad).errors ?? [];
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['rates.general', 'items', 'period']),
    );
  });
});
