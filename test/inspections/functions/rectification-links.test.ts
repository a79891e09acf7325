/**
 * A finding that asks for a rectification problem gets exactly one: its case is stored under the id the finding names,
 * which the inspection's own transaction fixed, and whatever fails after that transaction is settled by the next
 * request without a second case.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Case } from '#cases/domain/case.ts';
import { getCase } from '#cases/services/records.ts';
import type { Inspection } from '#inspections/domain/inspection.ts';
import type { DrawDetails } from '#inspections/services/draws.ts';
import { settleRectifications } from '#inspections/services/rectification-links.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { liyang } from '../../campaigns/support/liyang.ts';
import { call } from '../../enterprises/support/enterprises.ts';
import { throttling } from '../../support/dynamo-faults.ts';
import { bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';
import { failTransactionOnce, seedLiyang, someFirms, writes } from '../support/inspections.ts';

let aws: LocalAws;
let draw: DrawDetails;
const firms = someFirms(7, 40_000_000);
const pool = ['huhui', 'tongtao', 'zhushujun', 'wujianfeng'];

/** The office that keeps the ledger, also a supervisor: it may record inspections and open problems from them. */
const registrar: Principal = { username: 'ly-dispatcher', roles: ['dispatcher', 'supervisor'], unitId: 'ly-office' };

/** The recorded inspection of the `index`-th firm drawn, its one finding asking for a problem. */
const anInspection = (index: number, overrides: Record<string, unknown> = {}) => {
  const entity = draw.result.entities[index];
  if (!entity) throw new Error(`no firm ${index} drawn`);
  return {
    drawId: draw.id,
    uscc: entity.uscc,
    date: '2026-04-15',
    inspectors: draw.inspectors
      .filter((inspector) => entity.inspectors.includes(inspector.certificateNumber))
      .map((inspector) => inspector.username),
    itemsChecked: ['A1'],
    summary: '现场检查发现危险废物贮存不规范。',
    findings: [
      {
        description: '危险废物贮存场所未设置标识',
        item: 'A1',
        rectification: {
          departmentId: 'ly-enforcement',
          band: 'short-term',
          measures: '设置危险废物识别标识，完善贮存台账',
          leadUsername: 'zhouwei',
          responsibleUsername: 'xuefeng',
        },
      },
    ],
    ...overrides,
  };
};

const record = (body: unknown) => call('POST', '/v1/inspections', { principal: registrar, body });

/** Every rectification case of the test table (a Scan: it is small). */
const rectificationCases = async (): Promise<Case[]> => {
  const { Items = [] } = await dynamo().send(
    new ScanCommand({
      TableName: process.env.TABLE_NAME,
      FilterExpression: '#type = :case and #kind = :rectification',
      ExpressionAttributeNames: { '#type': 'type', '#kind': 'kind' },
      ExpressionAttributeValues: { ':case': 'case', ':rectification': 'rectification' },
    }),
  );
  return Items as Case[];
};

/** The rectification cases whose source names the inspection `number`. */
const problemsOf = async (number: string): Promise<Case[]> =>
  (await rectificationCases()).filter((item) => item.rectification?.sourceReference === `检查记录 ${number}`);

/** The rectification cases opened about the firm named `firmName`, whichever inspection they name. */
const problemsAbout = async (firmName: string): Promise<Case[]> =>
  (await rectificationCases()).filter((item) => item.rectification?.description.startsWith(`${firmName}：`));

const listed = async (id: string): Promise<Inspection | undefined> =>
  bodyOf<Inspection[]>(
    await call('GET', '/v1/inspections', { principal: liyang.supervisor, query: { period: '2026-Q2' } }),
  ).find((each) => each.id === id);

beforeAll(async () => {
  aws = await startLocalAws();
  setNow(beijing('2026-04-15T09:00:00'));
  await seedLiyang(firms, pool);
  const plan = await call('POST', '/v1/inspection-plans', {
    principal: liyang.supervisor,
    body: {
      name: '第二季度抽查',
      period: '2026-Q2',
      rates: { general: 100 },
      items: [{ code: 'A1', label: '危险废物规范化管理' }],
    },
  });
  const drawn = await call('POST', '/v1/draws', {
    principal: liyang.supervisor,
    body: { planId: bodyOf<{ id: string }>(plan).id, seed: '7' },
  });
  draw = bodyOf<DrawDetails>(drawn);
}, 120_000);

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  setNow(null);
  await aws?.stop();
});

describe('the rectification problem of a finding', () => {
  it('is opened in the one call: its case under the id the finding names, its number on the finding', async () => {
    // Act
    const response = await record(anInspection(0));

    // Assess
    expect(response.statusCode, response.body).toBe(201);
    const inspection = bodyOf<Inspection>(response);
    const [finding] = inspection.findings;
    expect(inspection.outcome).toBe('rectification-ordered');
    expect(finding?.rectificationNumber).toMatch(/^GL-ZG-2026-\d{6}$/);
    const problem = await getCase(finding?.rectificationCaseId ?? '');
    expect(problem).toMatchObject({
      kind: 'rectification',
      number: finding?.rectificationNumber,
      state: 'assigned',
      rectification: { source: 'random-inspection', sourceReference: `检查记录 ${inspection.number}` },
    });
    expect(await problemsOf(inspection.number)).toHaveLength(1);
    expect((await listed(inspection.id))?.findings[0]?.rectificationNumber).toBe(finding?.rectificationNumber);
  });

  it('refuses a problem the registrar could not open, naming the finding’s field, and stores nothing', async () => {
    // Act
    const response = await record(
      anInspection(1, {
        findings: [
          {
            description: '污水处理设施未正常运行',
            rectification: { departmentId: 'nowhere', band: 'short-term', measures: '恢复设施运行' },
          },
        ],
      }),
    );

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf<{ errors: { path: string }[] }>(response).errors.map((error) => error.path)).toEqual([
      'findings.0.rectification.departmentId',
    ]);
  });

  it('leaves no problem behind when the inspection’s own write fails; the retry opens exactly one', async () => {
    // Prepare
    const body = anInspection(5);
    const fault = failTransactionOnce(writes('INSPECTION#'), throttling());

    // Act
    const failed = await record(body);
    vi.restoreAllMocks();
    const retry = await record(body);

    // Assess
    expect(fault.failed()).toBe(true);
    expect(failed.statusCode).toBe(500);
    expect(retry.statusCode, retry.body).toBe(201);
    const inspection = bodyOf<Inspection>(retry);
    const problems = await problemsAbout(inspection.enterpriseName);
    expect(problems.map((problem) => problem.id)).toEqual([inspection.findings[0]?.rectificationCaseId]);
    expect(problems[0]?.number).toBe(inspection.findings[0]?.rectificationNumber);
  });

  it('survives a failed write of the problem’s case: the inspection stands with it planned; a retry stores it once', async () => {
    // Prepare
    const fault = failTransactionOnce(writes('CASE#'), throttling());

    // Act
    const first = await record(anInspection(1));
    vi.restoreAllMocks();
    const retry = await record(anInspection(1));
    const again = await record(anInspection(1));

    // Assess: first the inspection alone, naming the case id it will have; then the case, once.
    expect(fault.failed()).toBe(true);
    expect(first.statusCode, first.body).toBe(201);
    const inspection = bodyOf<Inspection>(first);
    const [finding] = inspection.findings;
    expect(finding?.rectificationCaseId).toBeDefined();
    expect(finding?.rectificationNumber).toBeUndefined();
    expect(retry.statusCode).toBe(409);
    expect(again.statusCode).toBe(409);
    const problems = await problemsOf(inspection.number);
    expect(problems.map((problem) => problem.id)).toEqual([finding?.rectificationCaseId]);
    expect((await listed(inspection.id))?.findings[0]?.rectificationNumber).toBe(problems[0]?.number);
  });

  it('settles a number not yet on the finding without a second case, when a later inspection is recorded', async () => {
    // Prepare: the case is stored, writing its number on the finding fails.
    const fault = failTransactionOnce(writes('INSPECTION#', 'Update'), throttling());
    const first = await record(anInspection(2));
    vi.restoreAllMocks();
    const inspection = bodyOf<Inspection>(first);
    const caseId = inspection.findings[0]?.rectificationCaseId ?? '';

    // Act: two minutes on, any inspection recorded settles what was left.
    setNow(beijing('2026-04-15T09:02:00'));
    const later = await record(anInspection(3, { findings: [] }));

    // Assess
    expect(fault.failed()).toBe(true);
    expect(first.statusCode, first.body).toBe(201);
    expect(inspection.findings[0]?.rectificationNumber).toBeUndefined();
    expect(later.statusCode, later.body).toBe(201);
    const problems = await problemsOf(inspection.number);
    expect(problems.map((problem) => problem.id)).toEqual([caseId]);
    expect((await listed(inspection.id))?.findings[0]?.rectificationNumber).toBe(problems[0]?.number);
  });

  it('stores the case once when two settle the same inspection at the same time', async () => {
    // Prepare
    failTransactionOnce(writes('CASE#'), throttling());
    const inspection = bodyOf<Inspection>(await record(anInspection(4)));
    vi.restoreAllMocks();

    // Act
    const settled = await Promise.all([settleRectifications(inspection.id), settleRectifications(inspection.id)]);

    // Assess
    const problems = await problemsOf(inspection.number);
    expect(problems.map((problem) => problem.id)).toEqual([inspection.findings[0]?.rectificationCaseId]);
    expect(settled.map((each) => each?.findings[0]?.rectificationNumber)).toContain(problems[0]?.number);
    expect((await listed(inspection.id))?.findings[0]?.rectificationNumber).toBe(problems[0]?.number);
  });
});
