import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { CaseList } from '#cases/services/list-cases.ts';
import { createUpload } from '#intake/services/attachments.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import type { Problem } from '#platform/http/problem.ts';
import type { LedgerImportReport } from '#rectification/services/import-ledger.ts';
import type { LookBacksDue } from '#rectification/services/list-problems.ts';
import type { Stats } from '#statistics/services/read-stats.ts';
import { liyang, liyangUnits, liyangUsers } from '../../campaigns/support/liyang.ts';
import { seedOrganisation } from '../../support/directory.ts';
import { aComplaint, aPrincipal, bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { routeFunctions } from '../../support/route-functions.ts';
import { countStoredCases } from '../../support/table.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
const { load, call, act } = routeFunctions();
const operator = aPrincipal('operator', 'ly-office', 'ly-operator');

const createProblem = (body: unknown, principal: Principal = liyang.dispatcher) =>
  call('create-rectification-problem', {
    method: 'POST',
    path: '/v1/rectification-problems',
    routeKey: 'POST /v1/rectification-problems',
    principal,
    body,
  });

const importLedger = (body: unknown) =>
  call('import-rectification-ledger', {
    method: 'POST',
    path: '/v1/rectification-problems/import',
    routeKey: 'POST /v1/rectification-problems/import',
    principal: liyang.dispatcher,
    body,
  });

const listProblems = async (query: Record<string, string> = {}) =>
  bodyOf<CaseList>(
    await call('list-rectification-problems', {
      method: 'GET',
      path: '/v1/rectification-problems',
      routeKey: 'GET /v1/rectification-problems',
      principal: liyang.supervisor,
      query,
    }),
  );

const getCase = async (id: string) =>
  bodyOf<CaseView>(
    await call('get-case', {
      method: 'GET',
      path: `/v1/cases/${id}`,
      routeKey: 'GET /v1/cases/{id}',
      principal: liyang.supervisor,
      pathParameters: { id },
    }),
  );

const stats = async () =>
  bodyOf<Stats>(
    await call('get-stats', {
      method: 'GET',
      path: '/v1/stats',
      routeKey: 'GET /v1/stats',
      principal: liyang.supervisor,
      query: { groupBy: 'source', from: '2026-01-01', to: '2026-12-31' },
    }),
  );

/** 监察大队 with 薛峰 responsible and 周伟 the lead: assigned at once. */
const aProblem = (overrides: Record<string, unknown> = {}) => ({
  source: 'central-inspection',
  sourceReference: '第二轮中央生态环境保护督察交办 第 12 批',
  description: '城东化工园区污水处理厂出水氨氮超标排放。',
  plan: {
    measures: '提标改造，安装在线监测，每月第三方监测。',
    milestones: [{ date: '2026-12-15', description: '完成提标改造' }],
  },
  departmentId: 'ly-enforcement',
  leadUsername: 'zhouwei',
  responsibleUsername: 'xuefeng',
  band: 'short-term',
  ...overrides,
});

/** A file uploaded for evidence, through the presigned URL as a browser would. */
const uploadedEvidence = async (): Promise<string> => {
  const ticket = await createUpload({ fileName: '整改后现场.jpg', contentType: 'image/jpeg', size: 1024 }, 'xuefeng');
  const response = await fetch(ticket.uploadUrl, {
    method: ticket.method,
    headers: ticket.headers,
    body: new Uint8Array(1024).fill(0xd8),
  });
  expect(response.status).toBe(200);
  return ticket.attachmentId;
};

const ledgerRows = [
  {
    number: '1',
    source: '中央督察',
    description: '城东化工园区污水处理厂出水氨氮超标排放。',
    department: '监察大队',
    leader: '周伟',
    person: '薛峰',
    measures: '提标改造，安装在线监测。',
    deadline: '立行立改',
  },
  {
    number: '2',
    source: '省级督察',
    description: '危险废物贮存场所未规范设置标识。',
    department: '固废科',
    person: '黄瑞芝',
    measures: '规范设置标识，建立台账。',
    deadline: '2026年12月底前',
  },
  {
    number: '3',
    source: '自查',
    description: '部分企业环境应急预案未及时修订备案。',
    department: '固废科',
    measures: '督促企业修订预案并备案，长期跟踪。',
    deadline: '长期坚持',
    remark: '沿用上一行责任单位以外的各栏',
  },
];

beforeAll(async () => {
  aws = await startLocalAws();
  await seedOrganisation(liyangUnits, liyangUsers);
  await load({
    'create-rectification-problem': () => import('../../../functions/rectification/create-rectification-problem.ts'),
    'import-rectification-ledger': () => import('../../../functions/rectification/import-rectification-ledger.ts'),
    'list-rectification-problems': () => import('../../../functions/rectification/list-rectification-problems.ts'),
    'export-rectification-ledger': () => import('../../../functions/rectification/export-rectification-ledger.ts'),
    'list-rectification-look-backs': () => import('../../../functions/rectification/list-rectification-look-backs.ts'),
    'submit-complaint': () => import('../../../functions/intake/submit-complaint.ts'),
    'act-on-case': () => import('../../../functions/cases/act-on-case.ts'),
    'get-case': () => import('../../../functions/cases/get-case.ts'),
    'get-stats': () => import('../../../functions/statistics/get-stats.ts'),
  });
  setNow(beijing('2026-11-24T09:00:00'));
});

afterAll(async () => {
  setNow(null);
  await aws?.stop();
});

describe('registering a problem', () => {
  it('stores a problem from a complaint, assigned at once, and the complaint names it back in the same change', async () => {
    const complaint = bodyOf<CaseView>(
      await call('submit-complaint', {
        method: 'POST',
        path: '/v1/complaints',
        routeKey: 'POST /v1/complaints',
        principal: operator,
        body: aComplaint({ category: 'water', description: '园区污水处理厂排口水发黑发臭。' }),
      }),
    );

    const response = await createProblem(aProblem({ source: 'complaint', fromCaseId: complaint.id }));

    expect(response.statusCode, response.body).toBe(201);
    const problem = bodyOf<CaseView>(response);
    expect(problem.number).toMatch(/^GL-ZG-2026-\d{6}$/);
    expect(problem).toMatchObject({ kind: 'rectification', state: 'assigned', colour: 'blue' });
    expect(problem.assignment).toMatchObject({ departmentId: 'ly-enforcement', responsibleUsername: 'xuefeng' });
    expect(problem.rectification).toMatchObject({
      source: 'complaint',
      band: 'short-term',
      responsibleUnit: { id: 'ly-enforcement', name: '监察大队' },
      leadOfficial: { username: 'zhouwei' },
      fromCase: { caseId: complaint.id, number: complaint.number },
    });
    expect(problem.timeLimits).toMatchObject({ policyId: 'rectification-short-term' });
    expect(problem.timeLimits?.clocks.finish?.dueDate).toBe('2026-12-24');
    const linked = await getCase(complaint.id);
    expect(linked.rectificationProblems).toEqual([
      { caseId: problem.id, number: problem.number, at: expect.any(String) },
    ]);
    expect(linked.history?.at(-1)).toMatchObject({
      action: 'rectification-problem',
      reason: `据此立整改问题 ${problem.number}`,
    });
  });

  it('takes a target date for the finish deadline, and leaves a problem without its people for the office to assign', async () => {
    const { leadUsername: _lead, responsibleUsername: _person, ...unnamed } = aProblem();
    const problem = bodyOf<CaseView>(await createProblem({ ...unnamed, band: 'medium', targetDate: '2027-03-31' }));

    expect(problem).toMatchObject({ state: 'accepted' });
    expect(problem.timeLimits?.clocks.finish?.dueDate).toBe('2027-03-31');
  });

  it('refuses bad input naming each field, and anyone but the office keeping the ledger', async () => {
    const bad = await createProblem(
      aProblem({ departmentId: 'nowhere', responsibleUsername: 'huangruizhi', targetDate: '2026-01-01' }),
    );
    const unpaired = await createProblem(aProblem({ leadUsername: undefined }));
    const forbidden = await createProblem(aProblem(), liyang.enforcement);

    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['content-type']).toMatch(/problem\+json/);
    expect(
      bodyOf<Problem>(bad)
        .errors?.map((error) => error.path)
        .sort(),
    ).toEqual(['departmentId', 'leadUsername', 'responsibleUsername', 'targetDate']);
    expect(bodyOf<Problem>(unpaired).errors?.[0]?.path).toBe('leadUsername');
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('closing a problem out', () => {
  it('goes application → on-site check → sign-off → publication → struck off, each by its role, then the look-back reopens it', async () => {
    const before = await stats();
    const problem = bodyOf<CaseView>(await createProblem(aProblem({ source: 'self-check' })));
    const id = problem.id;
    const step = async (action: string, principal: Principal, body: unknown = {}) => {
      const response = await act(id, action, principal, body);
      expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
      return bodyOf<CaseView>(response);
    };

    await step('sign', liyang.enforcement);
    const applied = await step('apply-close-out', liyang.enforcement, {
      result: '已完成提标改造，出水在线监测连续达标。',
      evidence: [{ attachmentId: await uploadedEvidence() }],
    });
    expect(applied.state).toBe('result-submitted');
    expect(applied.rectification?.closeOut?.application?.evidence[0]?.fileName).toBe('整改后现场.jpg');

    const early = await act(id, 'strike-off', liyang.dispatcher);
    expect(early.statusCode).toBe(409);
    expect(early.headers?.['content-type']).toMatch(/problem\+json/);
    expect(bodyOf<Problem>(early).detail).toMatch(/须先公示整改结果/);
    expect((await act(id, 'sign-off', liyang.dispatcher)).statusCode).toBe(403);

    await step('check-on-site', liyang.dispatcher, {
      date: '2026-11-24',
      inspectors: '王芳、童涛',
      findings: '现场核查，出水清澈，在线数据达标。',
      passed: true,
    });
    await step('sign-off', liyang.leadZhou, { note: '同意销号' });
    const published = await step('publish', liyang.dispatcher, { where: '市政府网站' });
    expect(published.rectification?.closeOut?.publication).toMatchObject({
      startDate: '2026-11-24',
      endDate: '2026-11-30',
      workingDays: 5,
    });
    const struck = await step('strike-off', liyang.dispatcher);
    expect(struck).toMatchObject({ state: 'closed', colour: 'green' });
    expect(struck.rectification?.lookBacks).toEqual([{ dueDate: '2027-05-24', scheduledAt: expect.any(String) }]);
    expect((await getCase(id)).history?.map((entry) => [entry.action, entry.role]).slice(-5)).toEqual([
      ['apply-close-out', 'handler'],
      ['check-on-site', 'dispatcher'],
      ['sign-off', 'lead'],
      ['publish', 'dispatcher'],
      ['strike-off', 'dispatcher'],
    ]);
    const closedFigures = await stats();

    setNow(beijing('2027-05-25T09:00:00'));
    const due = bodyOf<LookBacksDue>(
      await call('list-rectification-look-backs', {
        method: 'GET',
        path: '/v1/rectification-problems/look-backs',
        routeKey: 'GET /v1/rectification-problems/look-backs',
        principal: liyang.supervisor,
      }),
    );
    expect(due.items.map((item) => [item.number, item.lookBackDue])).toContainEqual([problem.number, '2027-05-24']);

    const reopened = await step('look-back', liyang.dispatcher, {
      outcome: 'rebounded',
      findings: '夜间偷排，问题反弹。',
    });
    expect(reopened).toMatchObject({ state: 'in-progress', reopenCount: 1 });
    expect(reopened.assignment?.responsibleUsername).toBe('xuefeng');
    expect(reopened.timeLimits?.clocks.finish?.dueDate).toBe('2027-06-24');
    const reopenedFigures = await stats();
    setNow(beijing('2026-11-24T09:00:00'));

    const selfCheck = (view: Stats) => view.rows.find((row) => row.key === 'self-check');
    expect(selfCheck(closedFigures)?.counts).toMatchObject({
      received: (selfCheck(before)?.counts.received ?? 0) + 1,
      closed: (selfCheck(before)?.counts.closed ?? 0) + 1,
    });
    expect(selfCheck(reopenedFigures)?.counts).toMatchObject({
      closed: selfCheck(before)?.counts.closed ?? 0,
      open: (selfCheck(before)?.counts.open ?? 0) + 1,
      reopened: 1,
    });
  });
});

describe('importing and exporting the ledger', () => {
  it('refuses the whole ledger, row by row, when any row is bad, and stores nothing', async () => {
    const stored = await countStoredCases();

    const response = await importLedger({
      rows: [
        ledgerRows[0],
        { ...ledgerRows[1], source: '媒体曝光', deadline: '尽快' },
        { ...ledgerRows[2], department: '宣传科' },
      ],
    });

    expect(response.statusCode).toBe(400);
    expect(bodyOf<Problem>(response).errors?.map((error) => error.path)).toEqual([
      'rows.1.source',
      'rows.1.deadline',
      'rows.2.department',
    ]);
    expect(await countStoredCases()).toBe(stored);
  });

  it('imports JSON rows as problems, blank cells taken from the row above, and answers a retry with the same report', async () => {
    // Row 2 names no leader: it takes 周伟 from the row above; row 3 names neither leader nor person: the same
    // department as row 2, so it takes both (the merged cells of a ledger).
    const response = await importLedger({ rows: ledgerRows, sourceReference: '2026 年第 3 批' });

    expect(response.statusCode, response.body).toBe(201);
    const report = bodyOf<LedgerImportReport>(response);
    expect(report.created).toBe(3);
    expect(report.rows.map((row) => [row.number, row.assigned])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    const second = await getCase(report.rows[1]?.caseId as string);
    expect(second.rectification).toMatchObject({
      source: 'provincial-inspection',
      band: 'medium',
      targetDate: '2026-12-31',
      responsibleUnit: { id: 'ly-solid-waste' },
      responsiblePerson: { name: '黄瑞芝', username: 'huangruizhi' },
      sourceReference: '2026 年第 3 批',
    });
    const third = await getCase(report.rows[2]?.caseId as string);
    expect(third.rectification).toMatchObject({ source: 'self-check', band: 'long-term' });

    const stored = await countStoredCases();
    const again = await importLedger({ rows: ledgerRows, sourceReference: '2026 年第 3 批' });
    expect(again.statusCode).toBe(200);
    expect(bodyOf<LedgerImportReport>(again)).toMatchObject({ replayed: true, created: 0, rows: report.rows });
    expect(await countStoredCases()).toBe(stored);
  });

  it('reads an .xlsx ledger, and exports the ledger in the same columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['第二轮省级督察反馈问题整改台账']);
    sheet.addRow(['序号', '问题来源', '问题描述', '责任单位', '责任领导', '责任人', '整改措施', '整改时限', '备注']);
    sheet.addRow([
      1,
      '双随机检查',
      '某电镀企业废气处理设施未正常运行。',
      '监察大队',
      '周伟',
      '薛峰',
      '责令改正并处罚。',
      '立行立改',
    ]);
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

    const imported = bodyOf<LedgerImportReport>(await importLedger({ xlsxBase64 }));
    const listed = await listProblems({ source: 'random-inspection' });
    const exported = await call('export-rectification-ledger', {
      method: 'GET',
      path: '/v1/rectification-problems/export',
      routeKey: 'GET /v1/rectification-problems/export',
      principal: liyang.supervisor,
      query: { format: 'xlsx', source: 'random-inspection' },
    });

    expect(imported.rows[0]).toMatchObject({ ref: 'xlsxBase64.3', assigned: true });
    expect(listed.items.map((item) => [item.number, item.source, item.band, item.closeOutStage])).toEqual([
      [imported.rows[0]?.caseNumber, 'random-inspection', 'short-term', 'rectifying'],
    ]);
    expect(exported.statusCode).toBe(200);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(Buffer.from(exported.body ?? '', 'base64') as unknown as ArrayBuffer);
    const rows = read.worksheets[0]?.getSheetValues() as unknown[][];
    expect(rows[1]?.slice(1, 10)).toEqual([
      '序号',
      '问题来源',
      '问题描述',
      '责任单位',
      '责任领导',
      '责任人',
      '整改措施',
      '整改时限',
      '备注',
    ]);
    expect(rows[2]?.slice(1, 11)).toEqual([
      '1',
      '双随机检查',
      '某电镀企业废气处理设施未正常运行。',
      '监察大队',
      '周伟',
      '薛峰',
      '责令改正并处罚。',
      '立行立改（短期）',
      '',
      imported.rows[0]?.caseNumber,
    ]);
  });

  it('lists problems by source and band from the listing index', async () => {
    const central = await listProblems({ source: 'central-inspection' });
    const longTerm = await listProblems({ band: 'long-term' });

    expect(central.items.length).toBeGreaterThan(0);
    expect(central.items.every((item) => item.kind === 'rectification' && item.source === 'central-inspection')).toBe(
      true,
    );
    expect(longTerm.items.map((item) => item.band)).toEqual(longTerm.items.map(() => 'long-term'));
  });
});
