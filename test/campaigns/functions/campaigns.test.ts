import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CampaignView } from '#campaigns/domain/view.ts';
import type { CreatedCampaign } from '#campaigns/services/establish-campaign.ts';
import type { FiledProgress } from '#campaigns/services/file-progress.ts';
import type { CampaignList } from '#campaigns/services/list-campaigns.ts';
import type { ProgressList } from '#campaigns/services/list-progress.ts';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { CaseList } from '#cases/services/list-cases.ts';
import type { Ledger } from '#ledger/domain/ledger.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import type { Problem } from '#platform/http/problem.ts';
import { seedOrganisation } from '../../support/directory.ts';
import { bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws, storedEmails } from '../../support/local-aws.ts';
import { drainNotices } from '../../support/notices.ts';
import { routeFunctions } from '../../support/route-functions.ts';
import { countStoredCases } from '../../support/table.ts';
import { beijing } from '../../support/time.ts';
import { liyang, liyangUnits, liyangUsers } from '../support/liyang.ts';
import { seedImport, seedTasks, seedTaskTable } from '../support/seed-table.ts';

let aws: LocalAws;
const { load, call, act } = routeFunctions();

const importCampaign = (body: unknown, principal: Principal = liyang.dispatcher) =>
  call('import-campaign', {
    method: 'POST',
    path: '/v1/campaigns/import',
    routeKey: 'POST /v1/campaigns/import',
    principal,
    body,
  });

const getCampaign = (id: string, principal: Principal = liyang.supervisor) =>
  call('get-campaign', {
    method: 'GET',
    path: `/v1/campaigns/${id}`,
    routeKey: 'GET /v1/campaigns/{id}',
    principal,
    pathParameters: { id },
  });

const listCampaigns = async (principal: Principal = liyang.supervisor) =>
  bodyOf<CampaignList>(
    await call('list-campaigns', { method: 'GET', path: '/v1/campaigns', routeKey: 'GET /v1/campaigns', principal }),
  );

const fileProgress = (id: string, principal: Principal, body: unknown) =>
  call('file-campaign-progress', {
    method: 'POST',
    path: `/v1/campaigns/${id}/progress`,
    routeKey: 'POST /v1/campaigns/{id}/progress',
    principal,
    pathParameters: { id },
    body,
  });

/** The grid cell of task `number` in `week`. */
const cellOf = (view: CampaignView, number: number, week: string) => {
  const row = view.grid.find((each) => each.taskNumber === number);
  return row?.cells[view.weeks.findIndex((each) => each.week === week)];
};

/** The seed's campaign, imported on Monday 21 April 2014: its first report (week 17) is due Friday 25 April. */
let seed: CreatedCampaign;

beforeAll(async () => {
  aws = await startLocalAws();
  await seedOrganisation(liyangUnits, liyangUsers);
  await load({
    'import-campaign': () => import('../../../functions/campaigns/import-campaign.ts'),
    'create-campaign': () => import('../../../functions/campaigns/create-campaign.ts'),
    'get-campaign': () => import('../../../functions/campaigns/get-campaign.ts'),
    'list-campaigns': () => import('../../../functions/campaigns/list-campaigns.ts'),
    'file-campaign-progress': () => import('../../../functions/campaigns/file-campaign-progress.ts'),
    'list-campaign-progress': () => import('../../../functions/campaigns/list-campaign-progress.ts'),
    'list-cases': () => import('../../../functions/cases/list-cases.ts'),
    'get-case': () => import('../../../functions/cases/get-case.ts'),
    'act-on-case': () => import('../../../functions/cases/act-on-case.ts'),
    'get-ledger': () => import('../../../functions/ledger/get-ledger.ts'),
  });

  setNow(beijing('2014-04-21T09:00:00'));
  const response = await importCampaign(seedImport());
  expect(response.statusCode, response.body).toBe(201);
  seed = bodyOf<CreatedCampaign>(response);
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  setNow(null);
  await aws?.stop();
});

describe('importing seed 003’s task table', () => {
  it('creates the campaign with its 23 numbered tasks, each with the right department, leader and person', () => {
    const { campaign } = seed;

    expect(campaign.period).toEqual({ from: '2014-04-15', to: '2014-06-30' });
    expect(campaign.currentPhase?.name).toBe('动员部署阶段');
    expect(campaign.leadingGroup.deputies[0]).toEqual({ name: '周伟', username: 'zhouwei' });
    expect(campaign.leadingGroup.leaders[0]).toEqual({ name: '奚盛' });
    expect(
      campaign.tasks.map((task) => [task.number, task.departmentCell, task.leader?.name, task.person?.name]),
    ).toEqual(seedTasks);
    expect(campaign.tasks.find((task) => task.number === 21)?.coDepartments).toEqual([
      { id: 'ly-enforcement', name: '监察大队' },
    ]);
  });

  it('makes each task a case of kind task: assigned where its person and leader are users, else waiting', () => {
    const { campaign, report } = seed;
    const waiting = campaign.tasks.filter((task) => task.case?.state === 'accepted').map((task) => task.number);

    expect(campaign.tasks.every((task) => task.case?.number.startsWith('GL-RW-2014-'))).toBe(true);
    expect(new Set(campaign.tasks.map((task) => task.case?.number)).size).toBe(23);
    expect(waiting).toEqual([5, 21, 22, 23]);
    expect(campaign.tasks.filter((task) => task.case?.state === 'assigned')).toHaveLength(19);
    expect(report.find((row) => row.number === 5)?.warnings).toContain('责任人“沈科”不是系统用户，按姓名记录');
    expect(campaign.figures.tasks).toMatchObject({ total: 23, closed: 0, open: 23 });
  });

  it('shows the tasks on GET /v1/cases?kind=task and on the four-colour ledger', async () => {
    const listed = bodyOf<CaseList>(
      await call('list-cases', {
        method: 'GET',
        path: '/v1/cases',
        routeKey: 'GET /v1/cases',
        principal: liyang.dispatcher,
        query: { kind: 'task', limit: '100' },
      }),
    );
    const board = bodyOf<Ledger>(
      await call('get-ledger', {
        method: 'GET',
        path: '/v1/ledger',
        routeKey: 'GET /v1/ledger',
        principal: liyang.supervisor,
        query: { unit: 'liyang', kind: 'task' },
      }),
    );
    const solidWaste = board.units.find((unit) => unit.unitId === 'ly-solid-waste');

    expect(listed.items).toHaveLength(23);
    expect(listed.items.every((item) => item.kind === 'task')).toBe(true);
    expect(board.counts.blue).toBe(23);
    expect(solidWaste?.counts.blue).toBe(2);
  });

  it('records on each task’s case its campaign, number and assignment', async () => {
    const task = seed.campaign.tasks.find((each) => each.number === 3);
    const item = bodyOf<CaseView>(
      await call('get-case', {
        method: 'GET',
        path: `/v1/cases/${task?.caseId}`,
        routeKey: 'GET /v1/cases/{id}',
        principal: liyang.solidWaste,
        pathParameters: { id: task?.caseId ?? '' },
      }),
    );

    expect(item).toMatchObject({
      kind: 'task',
      state: 'assigned',
      assignment: { departmentId: 'ly-solid-waste', responsibleUsername: 'huangruizhi', leadUsername: 'zhouwei' },
    });
    expect(item.history?.[0]?.changes).toMatchObject({
      campaignId: seed.campaign.id,
      taskNumber: 3,
      title: '强化危险废物规范化管理',
    });
  });

  it('lists the campaign for its office, its departments and those above them', async () => {
    expect((await listCampaigns(liyang.supervisor)).items.map((item) => item.id)).toContain(seed.campaign.id);
    expect((await listCampaigns(liyang.enforcement)).items[0]).toMatchObject({ id: seed.campaign.id, taskCount: 23 });
  });

  it('answers the same campaign to a retry of the same request, and refuses another under the same name', async () => {
    const again = await importCampaign(seedImport());
    const other = await importCampaign({
      ...seedImport(),
      phases: [{ name: '全程', from: '2014-04-15', to: '2014-06-30' }],
    });

    expect(again.statusCode).toBe(201);
    expect(bodyOf<CreatedCampaign>(again).campaign.id).toBe(seed.campaign.id);
    expect(other.statusCode).toBe(409);
    expect(await countStoredCases()).toBe(23);
  });
});

describe('other ways to give the tasks', () => {
  it('creates a campaign from a list of tasks, by department name or unit id, blanks taken from above', async () => {
    const response = await call('create-campaign', {
      method: 'POST',
      path: '/v1/campaigns',
      routeKey: 'POST /v1/campaigns',
      principal: liyang.dispatcher,
      body: {
        name: '危险废物专项整治',
        phases: [{ name: '集中整治', from: '2014-05-01', to: '2014-05-31' }],
        reporting: { dueWeekday: 3, redAfterWorkingDays: 1 },
        tasks: [
          {
            number: 1,
            title: '排查危险废物重点源',
            department: 'ly-solid-waste',
            leader: 'zhouwei',
            person: '黄 瑞芝',
          },
          { number: 2, title: '规范贮存场所' },
        ],
      },
    });

    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers?.location).toMatch(/^\/v1\/campaigns\/[0-9A-Z]{26}$/);
    const { campaign } = bodyOf<CreatedCampaign>(response);
    expect(campaign.tasks.map((task) => [task.department.id, task.person?.username, task.case?.state])).toEqual([
      ['ly-solid-waste', 'huangruizhi', 'assigned'],
      ['ly-solid-waste', 'huangruizhi', 'assigned'],
    ]);
    expect(campaign.weeks.map((week) => week.dueDate)).toEqual([
      '2014-05-07',
      '2014-05-14',
      '2014-05-21',
      '2014-05-28',
    ]);
  });

  it('imports an .xlsx task table, the merged cells of a department read as blank', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('任务分解');
    sheet.addRows([
      ['溧阳市环保局“生态优先 环保惠民”主题实践活动任务分解'],
      ['序号', '活动内容', '责任部门', '责任领导', '责任人', '备注'],
      [1, '开展环境污染隐患拉网大排查', '监察大队', '周 伟', '薛 峰', ''],
      [2, '确定全市污染隐患突出点', '监察大队', '周 伟', '薛 峰', ''],
      [3, '强化危险废物规范化管理', '固废科', '', '黄瑞芝', ''],
    ]);
    sheet.mergeCells('C3:C4');
    sheet.mergeCells('D3:D4');
    sheet.mergeCells('E3:E4');
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

    const response = await importCampaign({ ...seedImport(), name: '表格导入', table: { xlsxBase64 } });

    expect(response.statusCode, response.body).toBe(201);
    const { campaign } = bodyOf<CreatedCampaign>(response);
    expect(
      campaign.tasks.map((task) => [task.number, task.department.name, task.leader?.name, task.inherited]),
    ).toEqual([
      [1, '监察大队', '周伟', []],
      [2, '监察大队', '周伟', ['department', 'leader', 'person']],
      [3, '固废科', '周伟', ['leader']],
    ]);
  });

  it('refuses a file that is no .xlsx', async () => {
    const response = await importCampaign({ ...seedImport(), name: '坏文件', table: { xlsxBase64: 'bm90IGEgemlw' } });

    expect(bodyOf<Problem>(response).errors).toEqual([{ path: 'table.xlsxBase64', message: '无法读取该 .xlsx 文件' }]);
  });
});

describe('refusing a table', () => {
  it('refuses the whole import for a row with an unknown department, reporting each row, and stores nothing', async () => {
    const casesBefore = await countStoredCases();
    const table = seedTaskTable.replace('\t固废科\t', '\t固体废物管理科\t').replace('\t监察室\t', '\t纪检组\t');

    const response = await importCampaign({ ...seedImport(table), name: '另一项专项行动' });

    expect(response.statusCode).toBe(400);
    expect(bodyOf<Problem>(response).errors).toEqual([
      {
        path: 'table.5.department',
        message: '第 5 行（序号 3）：找不到责任部门“固体废物管理科”：您管辖的单位中没有此科室',
      },
      {
        path: 'table.6.department',
        message: '第 6 行（序号 4）（沿用上一行）：找不到责任部门“固体废物管理科”：您管辖的单位中没有此科室',
      },
      { path: 'table.20.department', message: '第 20 行（序号 18）：找不到责任部门“纪检组”：您管辖的单位中没有此科室' },
    ]);
    expect(await countStoredCases()).toBe(casesBefore);
    expect((await listCampaigns()).items.map((item) => item.name)).not.toContain('另一项专项行动');
  });

  it('lets only the office create campaigns', async () => {
    const response = await importCampaign({ ...seedImport(), name: '处室自建' }, liyang.enforcement);

    expect(response.statusCode).toBe(403);
  });
});

describe('weekly progress reports', () => {
  it('shows a week without a department’s report yellow, then red as the clock moves; the note turns it filed', async () => {
    const id = seed.campaign.id;

    setNow(beijing('2014-04-25T17:00:00'));
    const onDueDay = bodyOf<CampaignView>(await getCampaign(id));
    setNow(beijing('2014-04-28T09:00:00'));
    const afterDueDay = bodyOf<CampaignView>(await getCampaign(id));
    setNow(beijing('2014-04-30T09:00:00'));
    const twoWorkingDaysLater = bodyOf<CampaignView>(await getCampaign(id));
    const filed = await fileProgress(id, liyang.enforcement, {
      taskNumber: 1,
      week: '2014-W17',
      note: '已完成全市污染企业底数排查，建立隐患台账。',
    });
    const afterNote = bodyOf<CampaignView>(await getCampaign(id));

    expect(cellOf(onDueDay, 1, '2014-W17')?.status).toBe('not-due');
    expect(cellOf(afterDueDay, 1, '2014-W17')?.status).toBe('missing-yellow');
    expect(afterDueDay.tasks[0]?.reportStatus).toBe('yellow');
    expect(cellOf(twoWorkingDaysLater, 1, '2014-W17')?.status).toBe('missing-red');
    expect(twoWorkingDaysLater.tasks[0]?.reportStatus).toBe('red');
    expect(filed.statusCode, filed.body).toBe(201);
    expect(bodyOf<FiledProgress>(filed).report).toMatchObject({ week: '2014-W17', late: true, notes: 1 });
    expect(cellOf(afterNote, 1, '2014-W17')).toMatchObject({ status: 'filed', late: true, notes: 1 });
    expect(afterNote.tasks[0]?.reportStatus).toBe('up-to-date');
    expect(cellOf(afterNote, 2, '2014-W17')?.status).toBe('missing-red');
    // Week 18's Friday is May Day: due on the make-up Sunday, 4 May.
    expect(cellOf(afterNote, 1, '2014-W18')?.status).toBe('not-due');
    expect(afterNote.figures.weeks.find((week) => week.week === '2014-W17')).toMatchObject({
      required: 23,
      filed: 1,
      filedLate: 1,
      missingRed: 22,
    });
    expect(afterNote.figures.weeks.find((week) => week.week === '2014-W16')).toMatchObject({ required: 0 });
  });

  it('adds later notes of a week to its report without counting the week twice, and lists them', async () => {
    const id = seed.campaign.id;
    setNow(beijing('2014-04-30T15:00:00'));

    const second = await fileProgress(id, liyang.leadZhou, {
      caseId: seed.campaign.tasks[0]?.caseId,
      week: '2014-04-21',
      note: '补充：重点隐患点已列入日常监管。',
    });
    const listed = bodyOf<ProgressList>(
      await call('list-campaign-progress', {
        method: 'GET',
        path: `/v1/campaigns/${id}/progress`,
        routeKey: 'GET /v1/campaigns/{id}/progress',
        principal: liyang.enforcement,
        pathParameters: { id },
        query: { week: '2014-W17', taskNumber: '1' },
      }),
    );
    const view = bodyOf<CampaignView>(await getCampaign(id));

    expect(second.statusCode, second.body).toBe(201);
    expect(bodyOf<FiledProgress>(second).report.notes).toBe(2);
    expect(listed.items.map((note) => [note.filedBy, note.first])).toEqual([
      ['xuefeng', true],
      ['zhouwei', false],
    ]);
    expect(cellOf(view, 1, '2014-W17')?.notes).toBe(2);
    expect(view.figures.weeks.find((week) => week.week === '2014-W17')?.filed).toBe(1);
  });

  it('refuses notes from another department, for a week not started, and for a task the campaign lacks', async () => {
    const id = seed.campaign.id;
    setNow(beijing('2014-04-30T15:00:00'));

    const otherDepartment = await fileProgress(id, liyang.solidWaste, {
      taskNumber: 1,
      week: '2014-W17',
      note: '代报',
    });
    const future = await fileProgress(id, liyang.enforcement, { taskNumber: 1, week: '2014-W19', note: '提前报送' });
    const noTask = await fileProgress(id, liyang.enforcement, { taskNumber: 30, week: '2014-W17', note: '无此任务' });
    const notAWeek = await fileProgress(id, liyang.enforcement, {
      taskNumber: 1,
      week: '2014-W30',
      note: '活动已结束',
    });

    expect(otherDepartment.statusCode).toBe(403);
    expect(bodyOf<Problem>(future).errors).toEqual([{ path: 'week', message: '2014-W19 尚未开始，不能报送' }]);
    expect(bodyOf<Problem>(noTask).errors).toEqual([{ path: 'taskNumber', message: '本活动没有序号为 30 的任务' }]);
    expect(bodyOf<Problem>(notAWeek).errors?.[0]?.message).toContain('不是本活动的报送周（2014-W16 至 2014-W26）');
  });

  it('counts a task done when its case is closed, and asks it no more reports', async () => {
    const id = seed.campaign.id;
    const task = seed.campaign.tasks.find((each) => each.number === 3);
    const caseId = task?.caseId ?? '';
    setNow(beijing('2014-05-05T10:00:00'));

    for (const [action, principal, body] of [
      ['sign', liyang.solidWaste, {}],
      [
        'submit-result',
        liyang.solidWaste,
        { result: '危险废物重点源已全部明确监管责任人。', publicReply: '全市危险废物重点源已明确监管责任人。' },
      ],
      ['approve-result', liyang.leadZhou, {}],
    ] as const) {
      const response = await act(caseId, action, principal, body);
      expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    }
    const view = bodyOf<CampaignView>(await getCampaign(id));

    expect(view.tasks.find((each) => each.number === 3)?.case?.state).toBe('closed');
    expect(view.figures.tasks.closed).toBe(1);
    expect(view.figures.tasks.doneRate).toMatchObject({ numerator: 1, denominator: 23, percent: '4.4%' });
    expect(cellOf(view, 3, '2014-W19')?.status).toBe('not-required');
    expect(cellOf(view, 3, '2014-W18')?.status).toBe('missing-yellow');
  });
});

describe('missing reports for the morning digest', () => {
  it('lists each official’s missing weeks: the tasks they are the person or the leader of', async () => {
    const { missingReportsOn } = await import('#campaigns/services/missing-reports.ts');

    const missing = await missingReportsOn(beijing('2014-04-30T08:30:00'));
    const of = (username: string) =>
      (missing.find((each) => each.recipient === username)?.items ?? []).filter(
        (item) => item.campaignId === seed.campaign.id,
      );

    // Task 1's week 17 is filed (see above); task 2's is missing, red since the morning.
    expect(of('xuefeng').map((item) => [item.campaignName, item.taskNumber, item.week, item.status])).toEqual([
      ['“生态优先 环保惠民”主题实践活动', 2, '2014-W17', 'missing-red'],
    ]);
    expect(of('zhouwei').map((item) => item.taskNumber)).toEqual([2, 3, 4]);
    expect(of('yangyumei')).toHaveLength(14);
  });

  it('are in the morning digest of the task’s person, who is neither lead nor supervisor', async () => {
    const { handler: morning } = await import('../../../functions/deadlines/send-morning-notices.ts');
    const { handler: sendNotice } = await import('../../../functions/notices/send-notice.ts');
    setNow(beijing('2014-04-30T08:30:00'));

    await invoke(morning, { schedule: 'morning-notices', scheduledTime: '2014-04-30T00:30:00Z' });
    await drainNotices(sendNotice);

    const digests = (await storedEmails(aws.sesEndpoint)).filter((email) => email.subject.includes('2014-04-30'));
    const xuefeng = digests.filter((email) => email.destination.to[0] === 'xuefeng@liyang.example.cn');
    const { missingReportsOn } = await import('#campaigns/services/missing-reports.ts');
    const hers = (await missingReportsOn(beijing('2014-04-30T08:30:00'))).find((each) => each.recipient === 'xuefeng');
    // Every campaign of this file under way counts: the seed's and those the tests above made.
    expect(hers?.items.length).toBeGreaterThan(0);
    expect(xuefeng.map((email) => email.subject)).toEqual([
      `【督办日报】2014-04-30 超期 0 件、临期 0 件、周报未报 ${hers?.items.length} 项`,
    ]);
    expect(xuefeng[0]?.body.text).toContain('【红】“生态优先 环保惠民”主题实践活动 任务 2「');
  });
});

describe('a creation cut off midway', () => {
  it('stays invisible, and the retry completes it without storing any task twice', async () => {
    setNow(beijing('2014-05-05T10:00:00'));
    const request = { ...seedImport(), name: '中途中断的专项行动' };
    const casesBefore = await countStoredCases();
    const client = dynamo();
    const send = client.send.bind(client);
    let taskWrites = 0;
    // The sixth task's transaction fails as a crash would leave it: five tasks stored, the rest not.
    vi.spyOn(client, 'send').mockImplementation(((command: unknown) => {
      const items = command instanceof TransactWriteCommand ? (command.input.TransactItems ?? []) : [];
      if (items.some((item) => item.Put?.Item?.type === 'campaign-task')) {
        taskWrites += 1;
        if (taskWrites === 6) return Promise.reject(new Error('the function was cut off'));
      }
      return send(command as never);
    }) as typeof client.send);

    const cut = await importCampaign(request);
    vi.restoreAllMocks();
    const listedMeanwhile = (await listCampaigns()).items.map((item) => item.name);
    const storedMeanwhile = (await countStoredCases()) - casesBefore;
    const retried = await importCampaign(request);

    expect(cut.statusCode).toBe(500);
    expect(listedMeanwhile).not.toContain('中途中断的专项行动');
    expect(storedMeanwhile).toBe(5);
    expect(retried.statusCode, retried.body).toBe(201);
    const { campaign } = bodyOf<CreatedCampaign>(retried);
    expect(campaign.tasks.every((task) => task.case !== undefined)).toBe(true);
    expect((await countStoredCases()) - casesBefore).toBe(23);
    expect((await listCampaigns()).items.map((item) => item.name)).toContain('中途中断的专项行动');
  });
});
