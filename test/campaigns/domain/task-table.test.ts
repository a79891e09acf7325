import { describe, expect, it } from 'vitest';
import {
  departmentNamesOf,
  fillDown,
  normaliseText,
  readTaskTable,
  splitTabbedText,
  type TaskInput,
} from '#campaigns/domain/task-table.ts';
import { seedTasks as seedExpectations, seedTaskTable as seedTable } from '../support/seed-table.ts';

const aTask = (number: number, fields: Partial<TaskInput> = {}): TaskInput => ({
  ref: `tasks.${number - 1}`,
  label: `第 ${number} 项`,
  number,
  title: `任务 ${number}`,
  ...fields,
});

describe('seed 003’s task table', () => {
  it('reads its 23 tasks from the pasted text, under its title line and header row', () => {
    const read = readTaskTable(splitTabbedText(seedTable));

    expect(read.problems).toEqual([]);
    expect(read.tasks.map((task) => task.number)).toEqual(Array.from({ length: 23 }, (_, index) => index + 1));
    expect(read.tasks[0]).toMatchObject({ ref: 'table.3', title: '开展环境污染隐患拉网大排查', leader: '周伟' });
    expect(read.tasks[21]?.title).toBe('举行“环保开放日”活动、演讲比赛、环保书法摄影展,制作宣传册,开设环保宣传专版');
  });

  it('gives each row the right department, leader and person, blank cells taken from the rows above', () => {
    const { rows, problems } = fillDown(readTaskTable(splitTabbedText(seedTable)).tasks);

    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.number, row.department, row.leader, row.person])).toEqual(seedExpectations);
  });

  it('says which cells each row took from above', () => {
    const { rows } = fillDown(readTaskTable(splitTabbedText(seedTable)).tasks);
    const inherited = (number: number) => rows.find((row) => row.number === number)?.inherited;

    expect(inherited(1)).toEqual([]);
    expect(inherited(2)).toEqual(['department', 'leader', 'person']);
    // 固废科 is named, its leader cell is blank: 周 伟's, from the row above; its person is its own.
    expect(inherited(3)).toEqual(['leader']);
    // 管理科、监察大队 is a department of its own: the leader comes down, 办公室's person does not.
    expect(inherited(21)).toEqual(['leader']);
    expect(rows.find((row) => row.number === 21)?.departmentNames).toEqual(['管理科', '监察大队']);
  });
});

describe('reading a pasted table', () => {
  it('keeps tabs and line breaks inside quoted cells, as Excel copies them', () => {
    const rows = splitTabbedText('序号\t活动内容\t责任部门\n1\t"第一行\n第二行"\t"监察""大队"""\n');

    expect(rows).toEqual([
      { line: 1, cells: ['序号', '活动内容', '责任部门'] },
      { line: 2, cells: ['1', '第一行\n第二行', '监察"大队"'] },
    ]);
  });

  it('finds the columns by their headers in any order, and continues a title broken over two lines', () => {
    const text = [
      '责任人\t序号\t责任部门\t活动内容',
      '薛峰\t1\t监察大队\t开展排查',
      '\t\t\t（续）重点企业',
      '\t2\t\t复查',
    ].join('\n');

    const read = readTaskTable(splitTabbedText(text));

    expect(read.problems).toEqual([]);
    expect(read.tasks.map(({ number, title, department, person }) => ({ number, title, department, person }))).toEqual([
      { number: 1, title: '开展排查（续）重点企业', department: '监察大队', person: '薛峰' },
      { number: 2, title: '复查', department: undefined, person: undefined },
    ]);
  });

  it('takes seed 003’s column order when the header row was not copied', () => {
    const read = readTaskTable(splitTabbedText('1\t排查\t监察大队\t周 伟\t薛 峰\n2\t复查\t\t\t'));

    expect(read.tasks[0]).toMatchObject({ number: 1, department: '监察大队', leader: '周伟', person: '薛峰' });
    expect(read.tasks).toHaveLength(2);
  });

  it('skips headings without a number, and accepts full-width and bracketed numbers', () => {
    const text = ['序号\t活动内容\t责任部门', '（一）实施“五个一批”\t\t', '１\t排查\t监察大队', '(2)\t复查\t'].join(
      '\n',
    );

    expect(readTaskTable(splitTabbedText(text)).tasks.map((task) => task.number)).toEqual([1, 2]);
  });

  it('names the rows it cannot read', () => {
    const text = ['序号\t活动内容\t责任部门', '一\t排查\t监察大队', '\t\t固废科'].join('\n');

    expect(readTaskTable(splitTabbedText(text)).problems).toEqual([
      { path: 'table.2.number', message: '第 2 行：序号“一”须为正整数' },
      { path: 'table.3.number', message: '第 3 行：缺少序号' },
    ]);
  });

  it('refuses a table without a header and without numbers', () => {
    expect(readTaskTable(splitTabbedText('活动\t部门\n排查\t监察大队'), 'taskTable').problems).toEqual([
      { path: 'taskTable', message: expect.stringContaining('找不到表头') },
    ]);
  });
});

describe('filling blank cells from the row above', () => {
  it('keeps a person only within the same department', () => {
    const { rows } = fillDown([
      aTask(1, { department: '监察大队', leader: '周伟', person: '薛峰' }),
      aTask(2, { department: '监察大队' }),
      aTask(3, { department: '固废科' }),
    ]);

    expect(rows.map((row) => [row.leader, row.person])).toEqual([
      ['周伟', '薛峰'],
      ['周伟', '薛峰'],
      ['周伟', undefined],
    ]);
  });

  it('refuses a first row without a department, a number used twice and a missing title', () => {
    const { problems } = fillDown([
      aTask(1),
      aTask(2, { department: '监察大队', title: '' }),
      aTask(2, { ref: 'tasks.2', label: '第 3 项' }),
    ]);

    expect(problems).toEqual([
      { path: 'tasks.0.department', message: '第 1 项（序号 1）：没有责任部门，上方也没有可沿用的行' },
      { path: 'tasks.1.title', message: '第 2 项（序号 2）：缺少活动内容' },
      { path: 'tasks.2.number', message: '第 3 项（序号 2）：序号重复（第 2 项已用）' },
    ]);
  });

  it('orders the tasks by number', () => {
    const { rows } = fillDown([aTask(2, { department: '监察大队' }), aTask(1)]);

    expect(rows.map((row) => row.number)).toEqual([1, 2]);
  });
});

describe('names', () => {
  it('drops the spaces that justify two-character names, and keeps those between words', () => {
    expect(normaliseText(' 周 伟 ')).toBe('周伟');
    expect(normaliseText('童\u3000涛')).toBe('童涛');
    expect(normaliseText('Li  Wei')).toBe('Li Wei');
  });

  it('splits a cell naming several departments', () => {
    expect(departmentNamesOf('管理科、监察大队')).toEqual(['管理科', '监察大队']);
    expect(departmentNamesOf('办公室，组织人事科/监察室')).toEqual(['办公室', '组织人事科', '监察室']);
  });
});
