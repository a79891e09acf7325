import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import type { PositiveList } from '#enterprises/services/positive-list.ts';
import { aPrincipal, bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { admin, aNewEnterprise, call, dispatcher, makeUscc, register } from '../support/enterprises.ts';

const supervisor = aPrincipal('supervisor', 'city');
const firms = {
  a: makeUscc('60000001'),
  b: makeUscc('60000002'),
  c: makeUscc('60000003'),
  listed: makeUscc('60000004'),
};

let aws: LocalAws;

const list = async (query: Record<string, string> = {}) =>
  bodyOf<PositiveList>(await call('GET', '/v1/positive-list', { principal: dispatcher, query }));
const enter = (uscc: string, reason = '绩效 A 级，近一年无违法记录') =>
  call('POST', '/v1/positive-list', { principal: supervisor, body: { uscc, reason } });

beforeAll(async () => {
  aws = await startLocalAws();
  for (const [key, grade] of [
    ['a', 'A'],
    ['b', 'B'],
    ['c', 'C'],
  ] as const) {
    const response = await register(aNewEnterprise({ uscc: firms[key], name: `清单测试企业${key}`, grade }), admin);
    expect(response.statusCode, response.body).toBe(201);
  }
  await register(aNewEnterprise({ uscc: firms.listed, name: '清单测试企业原有', positiveList: 'listed' }), admin);
});
afterAll(() => aws?.stop());

describe('the positive list', () => {
  it('lists the firms registered as listed with the reason, and the A and B firms as candidates', async () => {
    const positive = await list({ candidates: 'true' });

    expect(positive.rules).toMatchObject({ entryGrades: ['A+', 'A', 'B'], cleanMonths: 12, barYears: 3 });
    expect(positive.members).toEqual([
      expect.objectContaining({ uscc: firms.listed, reason: '登记时已在正面清单（原有名录）', by: 'admin' }),
    ]);
    expect(positive.candidates?.map((firm) => firm.uscc)).toEqual([firms.a, firms.b]);
  });

  it('enters an A firm with who and why, and refuses a C firm with a 409 naming the grade condition', async () => {
    const entered = await enter(firms.a);
    const refused = await enter(firms.c);
    const byDispatcher = await call('POST', '/v1/positive-list', {
      principal: dispatcher,
      body: { uscc: firms.b, reason: '申请纳入' },
    });

    expect(entered.statusCode, entered.body).toBe(201);
    expect(bodyOf<Enterprise>(entered)).toMatchObject({
      positiveList: 'listed',
      positiveListHistory: [
        { action: 'enter', by: 'supervisor', reason: '绩效 A 级，近一年无违法记录', rulesVersion: 1 },
      ],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('绩效等级须为 A+、A、B 级之一（现为 C 级）');
    expect(byDispatcher.statusCode).toBe(403);
    const positive = await list({ candidates: 'true' });
    expect(positive.members.map((member) => member.uscc).sort()).toEqual([firms.a, firms.listed].sort());
    expect(positive.candidates?.map((firm) => firm.uscc)).toEqual([firms.b]);
  });

  it('removes a firm for a serious violation, bars it for 3 years, and refuses it again naming the bar', async () => {
    const removed = await call('POST', '/v1/positive-list/{uscc}/removal', {
      principal: supervisor,
      pathParameters: { uscc: firms.a },
      body: { reason: '偷排废水，已立案查处', serious: true },
    });
    const again = await enter(firms.a);
    const unknown = await call('POST', '/v1/positive-list/{uscc}/removal', {
      principal: supervisor,
      pathParameters: { uscc: firms.c },
      body: { reason: '不在清单' },
    });

    expect(removed.statusCode, removed.body).toBe(200);
    const firm = bodyOf<Enterprise>(removed);
    expect(firm.positiveList).toBe('removed');
    expect(firm.positiveListHistory?.at(-1)).toMatchObject({ action: 'remove', serious: true, by: 'supervisor' });
    expect(Number(firm.positiveListBarredUntil?.slice(0, 4)) - Number(firm.updatedAt.slice(0, 4))).toBe(3);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('前不得再纳入');
    expect(unknown.statusCode).toBe(409);
    expect((await list()).members.map((member) => member.uscc)).toEqual([firms.listed]);
  });

  it('takes no positive-list change through PATCH: the list changes only with a reason', async () => {
    const patched = await call('PATCH', '/v1/enterprises/{uscc}', {
      principal: admin,
      pathParameters: { uscc: firms.b },
      body: { positiveList: 'listed' },
    });

    expect(patched.statusCode).toBe(400);
  });
});
