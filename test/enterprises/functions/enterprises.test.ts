import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import type { GradeCounts } from '#enterprises/services/grade-counts.ts';
import type { ImportReport } from '#enterprises/services/import-enterprises.ts';
import type { EnterprisePage } from '#enterprises/services/search-enterprises.ts';
import type { Problem } from '#platform/http/problem.ts';
import { watchDynamo } from '../../intake/dynamo-watch.ts';
import { bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import {
  admin,
  aNewEnterprise,
  aSheet,
  call,
  dispatcher,
  makeUscc,
  operator,
  register,
  usccs,
} from '../support/enterprises.ts';

let aws: LocalAws;

beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

describe('POST /v1/enterprises', () => {
  it('refuses a USCC with a wrong check character with a 400 naming uscc, and stores nothing', async () => {
    // Act
    const response = await register(aNewEnterprise({ uscc: '91350100M000100Y44' }));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    expect(bodyOf<Problem>(response).errors).toEqual([
      { path: 'uscc', message: '统一社会信用代码校验码错误：第 18 位应为 3，请核对各位是否录入有误' },
    ]);
    const read = await call('GET', '/v1/enterprises/{uscc}', {
      principal: operator,
      pathParameters: { uscc: '91350100M000100Y43' },
    });
    expect(read.statusCode).toBe(404);
  });

  it('registers a right one, answers 201 with its address, and a second registration of it is a 409', async () => {
    // Act
    const response = await register(aNewEnterprise());
    const again = await register(aNewEnterprise({ name: '另一家' }));

    // Assess
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers?.location).toBe(`/v1/enterprises/${usccs.coating}`);
    expect(bodyOf<Enterprise>(response)).toMatchObject({
      uscc: usccs.coating,
      name: '示范市某某涂装有限公司',
      vocs: true,
      keyPolluter: false,
      positiveList: 'not-listed',
      industryGrades: [],
      gradeHistory: [],
      version: 1,
      createdBy: 'dispatcher',
    });
    expect(again.statusCode).toBe(409);
  });

  it('is refused to a role that does not keep the register', async () => {
    const response = await register(aNewEnterprise({ uscc: usccs.plastics }), operator);

    expect(response.statusCode).toBe(403);
  });
});

describe('GET /v1/enterprises (search)', () => {
  beforeAll(async () => {
    for (const body of [
      aNewEnterprise({
        uscc: usccs.printing,
        name: '示范市彩印包装有限公司',
        town: '城西街道',
        industries: [{ code: 'C2319', label: '包装装潢印刷' }],
        grade: 'C',
      }),
      aNewEnterprise({
        uscc: usccs.metal,
        name: '示范市精密金属制品有限公司',
        town: '城东街道',
        industries: [
          { code: 'C3360', label: '金属表面处理' },
          { code: 'C3311', label: '金属结构制造' },
        ],
        grade: 'B',
        keyPolluter: true,
      }),
      aNewEnterprise({
        uscc: usccs.furniture,
        name: '城西家具涂装厂',
        town: '城西街道',
        industries: [{ code: 'C2110', label: '木质家具制造' }],
        grade: 'C',
        vocs: false,
      }),
    ]) {
      const response = await register(body, admin);
      expect(response.statusCode, response.body).toBe(201);
    }
  });

  const search = async (query: Record<string, string>) => {
    const response = await call('GET', '/v1/enterprises', { principal: operator, query });
    expect(response.statusCode, response.body).toBe(200);
    return bodyOf<EnterprisePage>(response);
  };
  const names = (page: EnterprisePage) => page.items.map((item) => item.name);

  it('finds firms by town, industry, grade and a fragment of the name, reading indexes and never scanning', async () => {
    // Arrange
    const watch = watchDynamo();

    // Act
    const byTown = await search({ town: '城西街道' });
    const byIndustry = await search({ industry: 'C3360' });
    const byGrade = await search({ grade: 'C' });
    const byName = await search({ q: '涂装' });
    const combined = await search({ q: '金属制品', town: '城东街道', grade: 'B', keyPolluter: 'true' });
    watch.stop();

    // Assess
    expect(names(byTown)).toEqual(['城西家具涂装厂', '示范市彩印包装有限公司']);
    expect(names(byIndustry)).toEqual(['示范市某某涂装有限公司', '示范市精密金属制品有限公司']);
    expect(names(byGrade)).toEqual(['城西家具涂装厂', '示范市彩印包装有限公司']);
    expect(names(byName)).toEqual(['城西家具涂装厂', '示范市某某涂装有限公司']);
    expect(names(combined)).toEqual(['示范市精密金属制品有限公司']);
    const commands = new Set(watch.calls.map((entry) => entry.command));
    expect([...commands].filter((command) => /Scan/.test(command))).toEqual([]);
    expect([...commands].sort()).toEqual(['BatchGetItemCommand', 'QueryCommand']);
    for (const query of watch.calls.filter((entry) => entry.command === 'QueryCommand')) {
      expect(query.input.IndexName).toBe('gsi1');
    }
  });

  it('checks each candidate: a fragment whose pieces all occur, but not together, finds nothing', async () => {
    // 金属 and 属制 and 制品 occur in 精密金属制品; 金属品 has the pieces 金属 and 属品, the second in no name.
    expect(names(await search({ q: '金属品' }))).toEqual([]);
    // 家具 and 涂装 both occur in 城西家具涂装厂, but not as 家具装.
    expect(names(await search({ q: '具涂' }))).toEqual(['城西家具涂装厂']);
    expect(names(await search({ q: '具装' }))).toEqual([]);
  });

  it('pages through the results by name', async () => {
    const first = await search({ limit: '2' });
    const second = await search({ limit: '2', cursor: first.nextCursor as string });
    const combinedFirst = await search({ q: '有限', limit: '1' });
    const combinedSecond = await search({ q: '有限', limit: '1', cursor: combinedFirst.nextCursor as string });

    expect(names(first)).toEqual(['城西家具涂装厂', '示范市彩印包装有限公司']);
    expect(names(second)).toEqual(['示范市某某涂装有限公司', '示范市精密金属制品有限公司']);
    expect(names(combinedFirst)).toEqual(['示范市彩印包装有限公司']);
    expect(names(combinedSecond)).toEqual(['示范市某某涂装有限公司']);
  });

  it('refuses a one-character fragment and an unknown grade, naming the field', async () => {
    const response = await call('GET', '/v1/enterprises', { principal: operator, query: { q: '厂', grade: 'E' } });

    expect(response.statusCode).toBe(400);
    expect(
      bodyOf<Problem>(response)
        .errors?.map((error) => error.path)
        .sort(),
    ).toEqual(['grade', 'q']);
  });
});

describe('GET /v1/enterprises/grade-counts', () => {
  it('counts the firms of each grade from the grade index, reading no enterprise', async () => {
    // Arrange
    const watch = watchDynamo();

    // Act
    const response = await call('GET', '/v1/enterprises/grade-counts', { principal: operator });
    watch.stop();

    // Assess: the four firms registered above, each in one bucket
    expect(response.statusCode, response.body).toBe(200);
    const { counts, total } = bodyOf<GradeCounts>(response);
    expect(counts).toMatchObject({ 'A+': 0, A: 0, B: 1, 'B-': 0, C: 2, D: 0 });
    expect(total).toBe(4);
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(total);
    expect(watch.calls.map((entry) => entry.command)).toEqual(Array(7).fill('QueryCommand'));
    for (const query of watch.calls) expect(query.input).toMatchObject({ IndexName: 'gsi1', Select: 'COUNT' });
  });
});

describe('PATCH /v1/enterprises/{uscc}', () => {
  it('changes the details and moves the firm in the search: renamed and moved to another town', async () => {
    // Arrange
    await register(aNewEnterprise({ uscc: usccs.chemicals, name: '旧名化工有限公司', town: '城北街道' }));

    // Act
    const response = await call('PATCH', '/v1/enterprises/{uscc}', {
      principal: dispatcher,
      pathParameters: { uscc: usccs.chemicals },
      body: { name: '新名涂料有限公司', town: '城南街道', version: 1 },
    });
    const stale = await call('PATCH', '/v1/enterprises/{uscc}', {
      principal: dispatcher,
      pathParameters: { uscc: usccs.chemicals },
      body: { address: '某地', version: 1 },
    });

    // Assess
    expect(response.statusCode, response.body).toBe(200);
    expect(bodyOf<Enterprise>(response)).toMatchObject({ name: '新名涂料有限公司', town: '城南街道', version: 2 });
    expect(stale.statusCode).toBe(409);
    const found = async (query: Record<string, string>) =>
      bodyOf<EnterprisePage>(await call('GET', '/v1/enterprises', { principal: operator, query })).items.map(
        (item) => item.uscc,
      );
    expect(await found({ q: '旧名' })).toEqual([]);
    expect(await found({ town: '城北街道' })).toEqual([]);
    expect(await found({ q: '新名涂料', town: '城南街道' })).toEqual([usccs.chemicals]);
  });

  it('answers 404 for a firm not registered, and 400 naming uscc for a malformed one in the path', async () => {
    const patch = (uscc: string) =>
      call('PATCH', '/v1/enterprises/{uscc}', {
        principal: dispatcher,
        pathParameters: { uscc },
        body: { town: '城南街道' },
      });

    const missing = await patch(makeUscc('40400404'));
    const malformed = await patch('91350100M000100Y44');

    expect(missing.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(400);
    expect(bodyOf<Problem>(malformed).errors).toEqual([expect.objectContaining({ path: '' })]);
  });
});

describe('POST /v1/enterprises/import', () => {
  const headings = [
    '序号',
    '统一社会信用代码',
    '企业名称',
    '行业代码',
    '行业名称',
    '地址',
    '乡镇（街道）',
    '联系人',
    '联系电话',
    '涉VOCs',
    '绩效分级',
  ];
  const aRow = (index: number, uscc: string, overrides: Record<number, unknown> = {}) => {
    const row: unknown[] = [
      index,
      uscc,
      `导入${index}号涂装厂`,
      'C3360',
      '金属表面处理',
      `城东街道 ${index} 号`,
      '城东街道',
      '李工',
      '13900000001',
      '是',
      'C',
    ];
    for (const [column, value] of Object.entries(overrides)) row[Number(column)] = value;
    return row;
  };
  const importSheet = (content: string, extra: Record<string, unknown> = {}) =>
    call('POST', '/v1/enterprises/import', {
      principal: admin,
      body: { fileName: '企业名录.xlsx', content, ...extra },
    });
  const read = (uscc: string) =>
    call('GET', '/v1/enterprises/{uscc}', { principal: operator, pathParameters: { uscc } });

  it('with one bad row imports nothing and reports the row and column', async () => {
    // Arrange: three firms, the second (sheet row 3) with a wrong check character
    const codes = [makeUscc('10000001'), makeUscc('10000002'), makeUscc('10000003')];
    const wrong = `${(codes[1] as string).slice(0, 17)}${(codes[1] as string).endsWith('0') ? '1' : '0'}`;
    const content = await aSheet(headings, [aRow(1, codes[0] as string), aRow(2, wrong), aRow(3, codes[2] as string)]);

    // Act
    const response = await importSheet(content);

    // Assess
    expect(response.statusCode).toBe(400);
    const problem = bodyOf<Problem>(response);
    expect(problem.errors).toEqual([
      { path: 'rows.3.uscc', message: expect.stringMatching(/^第 3 行“统一社会信用代码”：统一社会信用代码校验码错误/) },
    ]);
    for (const uscc of codes) expect((await read(uscc)).statusCode).toBe(404);
    const found = await call('GET', '/v1/enterprises', { principal: operator, query: { q: '导入' } });
    expect(bodyOf<EnterprisePage>(found).items).toEqual([]);
  });

  it('imports a good sheet whole, with each row’s firm in the report, and the same file only once', async () => {
    // Arrange
    const codes = [makeUscc('20000001'), makeUscc('20000002')];
    const content = await aSheet(headings, [
      aRow(1, codes[0] as string),
      aRow(2, codes[1] as string, { 10: 'B级', 9: '' }),
    ]);

    // Act
    const response = await importSheet(content);
    const again = await importSheet(content);

    // Assess
    expect(response.statusCode, response.body).toBe(200);
    const report = bodyOf<ImportReport>(response);
    expect(report).toMatchObject({ fileName: '企业名录.xlsx', dryRun: false, rows: 2, imported: 2 });
    expect(report.registered).toEqual([
      { row: 2, uscc: codes[0], name: '导入1号涂装厂' },
      { row: 3, uscc: codes[1], name: '导入2号涂装厂' },
    ]);
    const second = bodyOf<Enterprise>(await read(codes[1] as string));
    expect(second).toMatchObject({ grade: 'B', vocs: false, importId: report.importId, createdBy: 'admin' });
    expect(second.gradeHistory).toEqual([expect.objectContaining({ source: 'register', grade: 'B' })]);
    expect(again.statusCode).toBe(409);
  });

  it('refuses a row whose firm is registered already, naming the row; a dry run checks and writes nothing', async () => {
    // Arrange
    const fresh = makeUscc('30000001');
    const registered = await aSheet(headings, [aRow(1, fresh), aRow(2, usccs.coating)]);
    const clean = await aSheet(headings, [aRow(1, fresh)]);

    // Act
    const refused = await importSheet(registered);
    const dryRun = await importSheet(clean, { dryRun: true });

    // Assess
    expect(refused.statusCode).toBe(400);
    expect(bodyOf<Problem>(refused).errors).toEqual([
      { path: 'rows.3.uscc', message: expect.stringMatching(/已登记为“示范市某某涂装有限公司”/) },
    ]);
    expect(dryRun.statusCode, dryRun.body).toBe(200);
    expect(bodyOf<ImportReport>(dryRun)).toMatchObject({ dryRun: true, rows: 1, imported: 0 });
    expect((await read(fresh)).statusCode).toBe(404);
  });

  it('takes back what it wrote when a write fails, and the same file sent again imports it whole', async () => {
    // Arrange: the answer to the second firm's transaction is lost (it was carried out, the function never hears so)
    const codes = [makeUscc('60000001'), makeUscc('60000002'), makeUscc('60000003')];
    const content = await aSheet(
      headings,
      codes.map((uscc, index) => aRow(index + 1, uscc)),
    );
    let transactions = 0;
    const watch = watchDynamo(({ command, input }) => {
      const firm = JSON.stringify(input).includes('"type":"enterprise"');
      return command === 'TransactWriteItemsCommand' && firm && ++transactions === 2 ? 'throw' : 'pass';
    });

    // Act
    const failed = await importSheet(content);
    watch.stop();
    const afterFailure = await Promise.all(codes.map(async (uscc) => (await read(uscc)).statusCode));
    const retried = await importSheet(content);

    // Assess
    expect(failed.statusCode).toBe(500);
    expect(afterFailure).toEqual([404, 404, 404]);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(bodyOf<ImportReport>(retried).imported).toBe(3);
    for (const uscc of codes) expect((await read(uscc)).statusCode).toBe(200);
  });

  it('refuses a sheet without a required column, and a file that is not a workbook', async () => {
    const withoutTown = await aSheet(
      ['统一社会信用代码', '企业名称', '行业代码', '行业名称', '地址'],
      [[makeUscc('40000001'), '某厂', 'C3360', '某业', '某地']],
    );

    const missingColumn = await importSheet(withoutTown);
    const notExcel = await importSheet(Buffer.from('不是表格').toString('base64'));

    expect(bodyOf<Problem>(missingColumn).errors).toEqual([
      { path: 'columns.town', message: '缺少“乡镇（街道）”列（第一行须为列名）' },
    ]);
    expect(notExcel.statusCode).toBe(400);
    expect(bodyOf<Problem>(notExcel).errors).toEqual([{ path: 'content', message: '不是有效的 Excel（.xlsx）文件' }]);
  });
});
