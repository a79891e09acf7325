import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putOrgUnit, putUser } from '#directory/store/directory.ts';
import { newEnterpriseSchema, registerEnterprise } from '#enterprises/domain/enterprise.ts';
import { getEnterprise, saveEnterprise } from '#enterprises/store/enterprises.ts';
import type { DrawSnapshot } from '#inspections/domain/draw.ts';
import type { EnforcementCase } from '#inspections/domain/enforcement.ts';
import type { Inspection } from '#inspections/domain/inspection.ts';
import { checkDraw } from '#inspections/services/draw-check.ts';
import type { DrawDetails } from '#inspections/services/draws.ts';
import type { EnforcementLedger } from '#inspections/services/enforcement-cases.ts';
import type { PublicInspections } from '#inspections/services/public-inspections.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import type { Problem } from '#platform/http/problem.ts';
import { liyang, liyangUnits, liyangUsers } from '../../campaigns/support/liyang.ts';
import { call, makeUscc } from '../../enterprises/support/enterprises.ts';
import { bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
const planner = liyang.supervisor;

/** 200 firms: 40 key polluters, 20 graded D (special), 40 on the positive list graded A, 100 general. */
const firms = Array.from({ length: 200 }, (_, index) => ({
  uscc: makeUscc(String(10_000_000 + index)),
  name: `溧阳测试企业${String(index).padStart(3, '0')}`,
  industries: [{ code: 'C3360', label: '金属表面处理及热处理加工' }],
  address: '城东工业园',
  town: '城东街道',
  keyPolluter: index < 40,
  positiveList: index >= 160 ? ('listed' as const) : ('not-listed' as const),
  ...(index >= 40 && index < 60 ? { grade: 'D' as const } : {}),
  ...(index >= 160 ? { grade: 'A' as const } : {}),
}));
const listed = firms.filter((firm) => firm.positiveList === 'listed');

/** Eight inspectors of the pool; 薛峰 has declared a tie to every listed firm. */
const pool = [
  ['xuefeng', '32048100001'],
  ['huangruizhi', '32048100002'],
  ['huhui', '32048100003'],
  ['zhushujun', '32048100004'],
  ['wujianfeng', '32048100005'],
  ['xiayunsong', '32048100006'],
  ['tongtao', '32048100007'],
  ['xujianyun', '32048100008'],
] as const;

const post = async <T>(path: string, body: unknown, principal: Principal = planner, status = 201) => {
  const response = await call('POST', path, { principal, body });
  expect(response.statusCode, response.body).toBe(status);
  return bodyOf<T>(response);
};

const aPlan = (overrides: Record<string, unknown> = {}) => ({
  name: '2026 年第二季度双随机抽查',
  period: '2026-Q2',
  items: [
    { code: 'A1', label: '污染防治设施运行情况' },
    { code: 'A2', label: '排污许可执行情况' },
  ],
  ...overrides,
});

let draw: DrawDetails;

beforeAll(async () => {
  aws = await startLocalAws();
  await Promise.all(liyangUnits.map((unit) => putOrgUnit(unit)));
  await Promise.all(liyangUsers.map((user) => putUser(user)));
  setNow(beijing('2026-04-15T09:00:00'));
  for (let start = 0; start < firms.length; start += 25) {
    await Promise.all(
      firms
        .slice(start, start + 25)
        .map((firm) =>
          saveEnterprise(
            undefined,
            registerEnterprise(newEnterpriseSchema.parse(firm), 'test', '2026-01-05T02:00:00.000Z'),
          ),
        ),
    );
  }
  for (const [username, certificateNumber] of pool) {
    const ties =
      username === 'xuefeng' ? listed.map((firm) => ({ uscc: firm.uscc, reason: '近亲属在该企业任职' })) : [];
    const response = await call('PUT', '/v1/inspection-plans/inspectors/{username}', {
      principal: planner,
      pathParameters: { username },
      body: { certificateNumber, ties },
    });
    expect(response.statusCode, response.body).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  setNow(null);
  await aws?.stop();
});

describe('a draw anyone can verify', () => {
  it('draws over 200 firms the right number per class, two unconflicted inspectors each, and verifies on reading', async () => {
    const plan = await post<{ id: string }>('/v1/inspection-plans', aPlan());

    draw = await post<DrawDetails>('/v1/draws', { planId: plan.id, seed: '2026年4月15日 公证员现场掷出 5 3 1 6' });

    expect(draw.result.classes).toEqual([
      { class: 'key-polluter', pool: 40, rate: 25, drawn: 10 },
      { class: 'special', pool: 20, rate: 25, drawn: 5 },
      { class: 'general', pool: 100, rate: 5, drawn: 5 },
      { class: 'positive-list', pool: 40, rate: 2, drawn: 1 },
    ]);
    expect(draw.result.entities).toHaveLength(21);
    const drawnListed = draw.result.entities.filter((entity) => entity.class === 'positive-list');
    expect(drawnListed).toHaveLength(1);
    for (const entity of draw.result.entities) {
      expect(new Set(entity.inspectors).size).toBe(2);
      if (entity.class === 'positive-list') expect(entity.inspectors).not.toContain('32048100001');
    }
    const snapshot = JSON.parse(draw.snapshot) as DrawSnapshot;
    expect(snapshot.exclusions.filter((entry) => entry.reason === 'declared-tie')).toHaveLength(40);
    expect(draw.snapshot).not.toContain('xuefeng');
    expect(draw.check).toMatchObject({ hashMatches: true, resultMatches: true, matches: true });
    expect(draw).toMatchObject({ seedSource: 'given', algorithm: { name: 'greenline-draw', version: 1 } });

    const read = bodyOf<DrawDetails>(
      await call('GET', '/v1/draws/{id}', { principal: liyang.enforcement, pathParameters: { id: draw.id } }),
    );
    expect(read.result).toEqual(draw.result);
    expect(read.check.matches).toBe(true);
    const oneByte = read.snapshot.replace('"asOf":"2026-04-15"', '"asOf":"2026-04-16"');
    expect(checkDraw(read, oneByte)).toMatchObject({ hashMatches: false, matches: false });
  });

  it('draws a plan once, refuses bad plans naming each field, and keeps the draw to the planners', async () => {
    const again = await call('POST', '/v1/draws', { principal: planner, body: { planId: draw.planId } });
    const bad = await call('POST', '/v1/inspection-plans', {
      principal: planner,
      body: aPlan({ period: '2026-5', rates: { general: 0 }, items: [] }),
    });
    const forbidden = await call('POST', '/v1/inspection-plans', { principal: liyang.enforcement, body: aPlan() });

    expect(again.statusCode).toBe(409);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['content-type']).toMatch(/problem\+json/);
    expect(
      bodyOf<Problem>(bad)
        .errors?.map((error) => error.path)
        .sort(),
    ).toEqual(['items', 'period', 'rates.general']);
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('inspections, enforcement and their figures', () => {
  it('records a drawn firm’s inspection once; a violation flags an A firm for re-grading and files a case', async () => {
    const [entity] = draw.result.entities.filter((candidate) => candidate.class === 'positive-list');
    if (!entity) throw new Error('no listed firm drawn');
    const inspectors = draw.inspectors
      .filter((inspector) => entity.inspectors.includes(inspector.certificateNumber))
      .map((inspector) => inspector.username);
    const body = {
      drawId: draw.id,
      uscc: entity.uscc,
      date: '2026-04-15',
      inspectors,
      itemsChecked: ['A1', 'A2'],
      summary: '现场检查污染防治设施运行情况，发现活性炭未按期更换。',
      findings: [
        {
          description: '活性炭吸附装置未按期更换活性炭',
          item: 'A1',
          violation: true,
          enforcement: { cause: '未正常运行大气污染防治设施' },
        },
      ],
    };

    const recorded = await post<Inspection>('/v1/inspections', body, liyang.enforcement);
    const twice = await call('POST', '/v1/inspections', { principal: liyang.enforcement, body });

    expect(recorded).toMatchObject({
      outcome: 'case-filed',
      violationRecorded: true,
      regradeFlagged: true,
      publishedLate: false,
    });
    // 20 working days from the day after, over the Labour Day holiday (the calendar's data).
    expect(recorded.publishBy > '2026-05-13').toBe(true);
    expect(recorded.number).toMatch(/^JC-20260415-/);
    expect(recorded.findings[0]?.enforcementCaseId).toBeDefined();
    expect(twice.statusCode).toBe(409);
    const firm = await getEnterprise(entity.uscc);
    expect(firm?.regrade?.caseId).toBe(recorded.id);
    expect(firm?.violations?.at(-1)).toMatchObject({ source: 'inspection', number: recorded.number });
  });

  it('refuses a tied inspector, others than those drawn without a reason, and an undrawn firm, naming each field', async () => {
    const [entity] = draw.result.entities.filter((candidate) => candidate.class === 'key-polluter');
    const undrawn = firms.find((firm) => !draw.result.entities.some((drawn) => drawn.uscc === firm.uscc));
    const tiedFirm = listed.find((firm) => !draw.result.entities.some((drawn) => drawn.uscc === firm.uscc));
    const base = { date: '2026-04-15', itemsChecked: ['A1'], summary: '未发现问题。' };

    const substituted = await call('POST', '/v1/inspections', {
      principal: liyang.enforcement,
      body: { ...base, drawId: draw.id, uscc: entity?.uscc, inspectors: ['nobody', 'huhui'], itemsChecked: ['Z9'] },
    });
    const notDrawn = await call('POST', '/v1/inspections', {
      principal: liyang.enforcement,
      body: { ...base, drawId: draw.id, uscc: undrawn?.uscc, inspectors: ['huhui', 'tongtao'] },
    });
    const tied = await call('POST', '/v1/inspections', {
      principal: liyang.enforcement,
      body: { ...base, uscc: tiedFirm?.uscc, inspectors: ['xuefeng', 'tongtao'] },
    });

    const paths = (response: { body?: string }) =>
      bodyOf<Problem>(response)
        .errors?.map((error) => error.path)
        .sort();
    expect(paths(substituted)).toEqual(['inspectors.0', 'itemsChecked.0', 'substitutionReason']);
    expect(paths(notDrawn)).toEqual(['uscc']);
    expect(paths(tied)).toEqual(['inspectors.0']);
  });

  it('takes a case through decision, transfer and closing; the figures equal a recount from the records', async () => {
    const filed = await post<EnforcementCase>(
      '/v1/enforcement-cases',
      { uscc: firms[3]?.uscc, cause: '超标排放水污染物', filedOn: '2026-04-10' },
      liyang.enforcement,
    );
    const step = (body: Record<string, unknown>) =>
      call('POST', '/v1/enforcement-cases/{id}/steps', {
        principal: liyang.enforcement,
        pathParameters: { id: filed.id },
        body,
      });

    const decided = bodyOf<EnforcementCase>(
      await step({
        step: 'decide',
        on: '2026-04-13',
        decisionNumber: '溧环罚〔2026〕9号',
        penaltyYuan: 600_500.5,
        summary: '罚款',
        version: 1,
      }),
    );
    const stale = await step({ step: 'close', on: '2026-04-14', result: '结案', version: 1 });
    await step({ step: 'transfer', on: '2026-04-14', to: 'police', reason: '涉嫌污染环境罪', version: 2 });
    const closed = bodyOf<EnforcementCase>(
      await step({ step: 'close', on: '2026-04-15', result: '已执行', version: 3 }),
    );

    expect(decided.decision?.penaltyFen).toBe(60_050_050);
    expect(stale.statusCode).toBe(409);
    expect(closed).toMatchObject({ state: 'closed', transfer: { to: 'police' } });
    const ledger = bodyOf<EnforcementLedger>(
      await call('GET', '/v1/enforcement-cases', {
        principal: liyang.supervisor,
        query: { period: '2026-Q2', recount: 'true' },
      }),
    );
    expect(ledger.figures).toEqual({
      inspections: 1,
      inspectorVisits: 2,
      casesFiled: 2,
      decisions: 1,
      penaltyFen: 60_050_050,
      transfers: 1,
      casesClosed: 1,
    });
    expect(ledger.penaltyYuan).toBe(600_500.5);
    expect(ledger.recount).toMatchObject({ matches: true, differences: [] });
    expect(ledger.items).toHaveLength(2);
    // The finding's case took the bureau's first number of the year, this filing the next (in filing order, not by
    // the filing day's date).
    expect(filed.docketNumber).toBe('环立〔2026〕2号');
    expect(ledger.items.map((item) => item.docketNumber).sort()).toEqual(['环立〔2026〕1号', '环立〔2026〕2号']);
  });

  it('publishes the period’s draws and results with names and certificates only, verifiable from the snapshot', async () => {
    const response = await call('GET', '/v1/public/inspections', { query: { period: '2026-Q2' } });

    expect(response.statusCode, response.body).toBe(200);
    const published = bodyOf<PublicInspections>(response);
    const [shown] = published.draws;
    expect(shown?.snapshotHash).toBe(draw.snapshotHash);
    expect(checkDraw({ ...draw, seed: shown?.seed ?? '' }, shown?.snapshot ?? '').matches).toBe(true);
    const inspected = shown?.entities.filter((entity) => entity.result);
    expect(inspected).toHaveLength(1);
    expect(inspected?.[0]?.result).toMatchObject({
      outcome: 'case-filed',
      findings: ['活性炭吸附装置未按期更换活性炭'],
    });
    for (const user of pool.map(([username]) => username)) expect(response.body).not.toContain(`"${user}"`);
    expect(response.body).not.toContain('近亲属');
    expect(response.body).not.toContain('unitPath');
  });
});
