/**
 * `POST /v1/inspections` and `POST /v1/enforcement-cases` honour an `Idempotency-Key` as intake does
 * (`#platform/idempotency.ts`): a retry whose first answer was lost gets that answer and records nothing twice — no
 * second inspection, counters, violation, rectification problem or case, no second docket number; the same key with
 * another body is refused (422); without a key nothing changes.
 */
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '#cases/domain/case.ts';
import { getEnterprise } from '#enterprises/store/enterprises.ts';
import { inspectionsApi } from '#inspections/api.ts';
import type { EnforcementCase } from '#inspections/domain/enforcement.ts';
import type { Inspection } from '#inspections/domain/inspection.ts';
import type { EnforcementLedger } from '#inspections/services/enforcement-cases.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { type ApiRoute, routeKey } from '#platform/http/api-registry.ts';
import type { Problem } from '#platform/http/problem.ts';
import { liyang } from '../../campaigns/support/liyang.ts';
import { call } from '../../enterprises/support/enterprises.ts';
import { apiEvent, bodyOf, type HttpResult, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';
import { seedLiyang, someFirms } from '../support/inspections.ts';

let aws: LocalAws;
let handler: unknown;
const firms = someFirms(8, 50_000_000);
const pool = ['huhui', 'tongtao'];

/** The office that keeps the ledger, also a supervisor: it may record inspections and open problems from them. */
const registrar: Principal = { username: 'ly-dispatcher', roles: ['dispatcher', 'supervisor'], unitId: 'ly-office' };

const firm = (index: number) => {
  const found = firms[index];
  if (!found) throw new Error(`no firm ${index}`);
  return found;
};

/** Calls the inspection-records function with the request headers `call` does not pass. */
const post = (route: ApiRoute, body: unknown, headers: Record<string, string> = {}, principal = registrar) =>
  invoke(handler, apiEvent({ method: 'POST', path: route.path, routeKey: routeKey(route), principal, body, headers }));

const record = (body: unknown, headers?: Record<string, string>) =>
  post(inspectionsApi.recordInspection, body, headers);
const file = (body: unknown, headers?: Record<string, string>) =>
  post(inspectionsApi.fileEnforcementCase, body, headers);
const keyed = (key: string) => ({ 'idempotency-key': key });

/** An ad hoc inspection (no draw) of firm `index` whose one finding is a violation, opens a problem and files a case. */
const anAdHocInspection = (index: number, overrides: Record<string, unknown> = {}) => ({
  uscc: firm(index).uscc,
  date: '2026-04-15',
  inspectors: pool,
  itemsChecked: ['A1'],
  summary: '接群众举报后专项检查，发现废水直排。',
  findings: [
    {
      description: '废水未经处理直接排放',
      violation: true,
      rectification: {
        departmentId: 'ly-enforcement',
        band: 'short-term',
        measures: '立即停止直排，修复污水处理设施',
        leadUsername: 'zhouwei',
        responsibleUsername: 'xuefeng',
      },
      enforcement: { cause: '通过暗管排放水污染物' },
    },
  ],
  ...overrides,
});

const aFiling = (index: number, overrides: Record<string, unknown> = {}) => ({
  uscc: firm(index).uscc,
  cause: '超标排放大气污染物',
  filedOn: '2026-04-15',
  ...overrides,
});

/** The bureau's counters for the quarter, its enforcement cases filed and whether a recount from the records agrees. */
const ledger = async (): Promise<EnforcementLedger> =>
  bodyOf<EnforcementLedger>(
    await call('GET', '/v1/enforcement-cases', {
      principal: liyang.supervisor,
      query: { period: '2026-Q2', recount: 'true' },
    }),
  );

const inspectionsOf = async (uscc: string): Promise<Inspection[]> =>
  bodyOf<Inspection[]>(
    await call('GET', '/v1/inspections', { principal: liyang.supervisor, query: { period: '2026-Q2' } }),
  ).filter((inspection) => inspection.uscc === uscc);

const casesOf = async (uscc: string): Promise<EnforcementCase[]> =>
  (await ledger()).items.filter((item) => item.uscc === uscc);

/** The rectification cases opened about the firm named `firmName` (a Scan: the test table is small). */
const problemsAbout = async (firmName: string): Promise<Case[]> => {
  const { Items = [] } = await dynamo().send(
    new ScanCommand({
      TableName: process.env.TABLE_NAME,
      FilterExpression: '#type = :case and #kind = :rectification',
      ExpressionAttributeNames: { '#type': 'type', '#kind': 'kind' },
      ExpressionAttributeValues: { ':case': 'case', ':rectification': 'rectification' },
    }),
  );
  return (Items as Case[]).filter((item) => item.rectification?.description.startsWith(`${firmName}：`));
};

const docketSeries = 'DOCKET#liyang#2026';

/** How many docket numbers the bureau's 2026 series has given out. */
const docketsTaken = async (): Promise<number> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: docketSeries, sk: 'COUNTER' } }),
  );
  return Number(Item?.sequence ?? 0);
};

/** Every docket number of the series is one case's or one recorded gap's: none used twice, none lost unrecorded. */
const expectEveryDocketAccountedFor = async () => {
  const [taken, { items }, { Items: gaps = [] }] = await Promise.all([
    docketsTaken(),
    ledger(),
    dynamo().send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME,
        KeyConditionExpression: 'pk = :pk and begins_with(sk, :gap)',
        ExpressionAttributeValues: { ':pk': docketSeries, ':gap': 'GAP#' },
      }),
    ),
  ]);
  const sequenceOf = (number: unknown) => Number(/〔2026〕(\d+)号/.exec(String(number))?.[1]);
  const accounted = [...items.map((item) => item.docketNumber), ...gaps.map((gap) => gap.number)].map(sequenceOf);
  expect(accounted.sort((a, b) => a - b)).toEqual(Array.from({ length: taken }, (_, index) => index + 1));
};

beforeAll(async () => {
  aws = await startLocalAws();
  setNow(beijing('2026-04-15T09:00:00'));
  await seedLiyang(firms, pool);
  ({ handler } = await import('../../../functions/inspections/inspection-records.ts'));
}, 120_000);

afterAll(async () => {
  setNow(null);
  await aws?.stop();
});

describe('POST /v1/inspections with an Idempotency-Key', () => {
  it('records an ad hoc inspection once: a retry gets the first answer, and nothing is counted or opened twice', async () => {
    // Prepare
    const before = await ledger();
    const docketsBefore = await docketsTaken();
    const violationsBefore = (await getEnterprise(firm(0).uscc))?.violations?.length ?? 0;
    const body = anAdHocInspection(0);

    // Act
    const first = await record(body, keyed('inspection-20260415-0001'));
    const retry = await record(body, keyed('inspection-20260415-0001'));

    // Assess
    expect(first.statusCode, first.body).toBe(201);
    expect(retry.statusCode, retry.body).toBe(201);
    const recorded = bodyOf<Inspection>(first);
    expect(bodyOf<Inspection>(retry)).toEqual(recorded);
    expect(recorded.findings[0]?.rectificationNumber).toMatch(/^GL-ZG-2026-\d{6}$/);
    expect((await inspectionsOf(firm(0).uscc)).map((inspection) => inspection.id)).toEqual([recorded.id]);
    expect(await problemsAbout(firm(0).name)).toHaveLength(1);
    expect((await casesOf(firm(0).uscc)).map((item) => item.id)).toEqual([recorded.findings[0]?.enforcementCaseId]);
    expect((await getEnterprise(firm(0).uscc))?.violations).toHaveLength(violationsBefore + 1);
    expect(await docketsTaken()).toBe(docketsBefore + 1);
    const after = await ledger();
    expect(after.figures).toEqual({
      ...before.figures,
      inspections: before.figures.inspections + 1,
      inspectorVisits: before.figures.inspectorVisits + 2,
      casesFiled: before.figures.casesFiled + 1,
    });
    expect(after.recount).toMatchObject({ matches: true });
  });

  it('refuses the key reused for a different inspection (422) and a malformed key (400), storing nothing', async () => {
    // Prepare
    const first = await record(anAdHocInspection(1, { findings: [] }), keyed('inspection-20260415-0002'));
    expect(first.statusCode, first.body).toBe(201);
    const before = await ledger();
    const docketsBefore = await docketsTaken();

    // Act
    const reused = await record(
      anAdHocInspection(1, { summary: '另一次检查，发现废水直排。' }),
      keyed('inspection-20260415-0002'),
    );
    const malformed = await record(anAdHocInspection(1), keyed('has spaces in it'));

    // Assess
    expect(reused.statusCode).toBe(422);
    expect(reused.headers?.['content-type']).toContain('application/problem+json');
    expect(bodyOf<Problem>(reused).type).toBe('https://greenline.example.cn/problems/idempotency-key-reused');
    expect(malformed.statusCode).toBe(400);
    expect(bodyOf<Problem>(malformed).errors).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
    expect((await inspectionsOf(firm(1).uscc)).map((inspection) => inspection.id)).toEqual([bodyOf(first).id]);
    expect(await problemsAbout(firm(1).name)).toEqual([]);
    expect((await ledger()).figures).toEqual(before.figures);
    expect(await docketsTaken()).toBe(docketsBefore);
  });

  it('records each request without a key, as before: the same body twice is two inspections', async () => {
    // Prepare
    const body = anAdHocInspection(2, { findings: [] });

    // Act
    const responses = [await record(body), await record(body)];

    // Assess
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201]);
    const ids = responses.map((response) => bodyOf<Inspection>(response).id);
    expect(new Set(ids).size).toBe(2);
    expect((await inspectionsOf(firm(2).uscc)).map((inspection) => inspection.id).sort()).toEqual(ids.sort());
  });

  it('records one inspection for concurrent requests with one key, and answers each with it or a 409 to retry', async () => {
    // Prepare
    const body = anAdHocInspection(3);
    const headers = keyed('inspection-20260415-burst');

    // Act
    const burst: HttpResult[] = await Promise.all(Array.from({ length: 4 }, () => record(body, headers)));
    const retry = await record(body, headers);

    // Assess
    expect(retry.statusCode, retry.body).toBe(201);
    const recorded = bodyOf<Inspection>(retry);
    const created = burst.filter((response) => response.statusCode === 201);
    const waiting = burst.filter((response) => response.statusCode === 409);
    expect(created.length + waiting.length, burst.map((response) => response.body).join('\n')).toBe(4);
    for (const response of created) expect(bodyOf<Inspection>(response).id).toBe(recorded.id);
    for (const response of waiting) expect(Number(response.headers?.['retry-after'])).toBeGreaterThan(0);
    expect((await inspectionsOf(firm(3).uscc)).map((inspection) => inspection.id)).toEqual([recorded.id]);
    expect(await problemsAbout(firm(3).name)).toHaveLength(1);
    expect(await casesOf(firm(3).uscc)).toHaveLength(1);
    expect((await ledger()).recount).toMatchObject({ matches: true });
    await expectEveryDocketAccountedFor();
  });
});

describe('POST /v1/enforcement-cases with an Idempotency-Key', () => {
  it('files once: a retry gets the first case, and no second docket number is taken', async () => {
    // Prepare
    const before = await ledger();
    const docketsBefore = await docketsTaken();

    // Act
    const first = await file(aFiling(4), keyed('filing-20260415-0001'));
    const retry = await file(aFiling(4), keyed('filing-20260415-0001'));

    // Assess
    expect(first.statusCode, first.body).toBe(201);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(bodyOf<EnforcementCase>(retry)).toEqual(bodyOf<EnforcementCase>(first));
    expect(await casesOf(firm(4).uscc)).toEqual([bodyOf<EnforcementCase>(first)]);
    expect(await docketsTaken()).toBe(docketsBefore + 1);
    expect((await ledger()).figures).toEqual({ ...before.figures, casesFiled: before.figures.casesFiled + 1 });
  });

  it('refuses the key reused for a different filing (422) and a malformed key (400), filing nothing', async () => {
    // Prepare
    const first = await file(aFiling(5), keyed('filing-20260415-0002'));
    expect(first.statusCode, first.body).toBe(201);
    const docketsBefore = await docketsTaken();

    // Act
    const reused = await file(aFiling(5, { cause: '未批先建' }), keyed('filing-20260415-0002'));
    const malformed = await file(aFiling(5), keyed('x'.repeat(129)));

    // Assess
    expect(reused.statusCode).toBe(422);
    expect(bodyOf<Problem>(reused).type).toBe('https://greenline.example.cn/problems/idempotency-key-reused');
    expect(malformed.statusCode).toBe(400);
    expect(bodyOf<Problem>(malformed).errors).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
    expect((await casesOf(firm(5).uscc)).map((item) => item.id)).toEqual([bodyOf(first).id]);
    expect(await docketsTaken()).toBe(docketsBefore);
  });

  it('refuses a key an inspection claimed for a filing: a key names one request of its caller', async () => {
    // Prepare
    const inspected = await record(anAdHocInspection(6, { findings: [] }), keyed('shared-20260415-0001'));
    expect(inspected.statusCode, inspected.body).toBe(201);

    // Act
    const filed = await file(aFiling(6), keyed('shared-20260415-0001'));

    // Assess
    expect(filed.statusCode).toBe(422);
    expect(await casesOf(firm(6).uscc)).toEqual([]);
  });

  it('files each request without a key, as before: the same body twice is two cases with two numbers', async () => {
    // Act
    const responses = [await file(aFiling(7)), await file(aFiling(7))];

    // Assess
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201]);
    const filed = responses.map((response) => bodyOf<EnforcementCase>(response));
    expect(new Set(filed.map((item) => item.docketNumber)).size).toBe(2);
    expect(await casesOf(firm(7).uscc)).toHaveLength(2);
  });

  it('files one case for concurrent requests with one key; the numbers the others took are recorded gaps', async () => {
    // Prepare
    const body = aFiling(7, { cause: '并发重试的立案' });
    const headers = keyed('filing-20260415-burst');

    // Act
    const burst: HttpResult[] = await Promise.all(Array.from({ length: 6 }, () => file(body, headers)));
    const retry = await file(body, headers);

    // Assess
    expect(retry.statusCode, retry.body).toBe(201);
    const filed = bodyOf<EnforcementCase>(retry);
    const created = burst.filter((response) => response.statusCode === 201);
    const waiting = burst.filter((response) => response.statusCode === 409);
    expect(created.length + waiting.length, burst.map((response) => response.body).join('\n')).toBe(6);
    for (const response of created) expect(bodyOf<EnforcementCase>(response)).toEqual(filed);
    for (const response of waiting) expect(Number(response.headers?.['retry-after'])).toBeGreaterThan(0);
    expect((await casesOf(firm(7).uscc)).filter((item) => item.cause === '并发重试的立案')).toEqual([filed]);
    await expectEveryDocketAccountedFor();
  });
});
