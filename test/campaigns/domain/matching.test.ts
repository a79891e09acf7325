import { describe, expect, it } from 'vitest';
import { type Directory, matchPeople, matchTasks } from '#campaigns/domain/matching.ts';
import { fillDown, readTaskTable, splitTabbedText, type TaskInput } from '#campaigns/domain/task-table.ts';
import { colleagueOf } from '#directory/domain/users.ts';
import { demoUnits, demoUsers } from '../../../local/demo-organisation.ts';
import { liyangUnits, liyangUsers } from '../support/liyang.ts';
import { seedTaskTable as seedTable } from '../support/seed-table.ts';

const liyangDirectory: Directory = { units: liyangUnits, users: liyangUsers.map(colleagueOf) };
const demoDirectory: Directory = { units: demoUnits, users: demoUsers.map(colleagueOf) };

const rowsOf = (...tasks: Partial<TaskInput>[]) =>
  fillDown(
    tasks.map((task, index) => ({
      ref: `tasks.${index}`,
      label: `第 ${index + 1} 项`,
      number: index + 1,
      title: `任务 ${index + 1}`,
      ...task,
    })),
  ).rows;

describe('matching seed 003’s table to the demo organisation that npm start seeds', () => {
  it('finds every department without a mapping: the branches’ 管理科 and 监察大队 told apart by the rows’ people', () => {
    const matched = matchTasks(fillDown(readTaskTable(splitTabbedText(seedTable)).tasks).rows, demoDirectory);

    expect(matched.problems).toEqual([]);
    expect(matched.tasks).toHaveLength(23);
    const departmentOf = (number: number) => matched.tasks.find((each) => each.number === number)?.department.id;
    expect([1, 3, 10, 15, 18, 19, 23].map(departmentOf)).toEqual([
      'east-enforcement',
      'east-solid-waste',
      'east-management',
      'city-monitoring',
      'city-discipline',
      'city-office',
      'city-personnel',
    ]);
    const shared = matched.tasks.find((each) => each.number === 21);
    expect([shared?.department.id, ...(shared?.coDepartments.map((unit) => unit.id) ?? [])]).toEqual([
      'east-management',
      'east-enforcement',
    ]);
  });
});

describe('matching seed 003’s table to the directory', () => {
  const matched = matchTasks(fillDown(readTaskTable(splitTabbedText(seedTable)).tasks).rows, liyangDirectory);
  const task = (number: number) => matched.tasks.find((each) => each.number === number);
  const report = (number: number) => matched.reports.find((each) => each.number === number);

  it('finds every department, and the leader and person of each row', () => {
    expect(matched.problems).toEqual([]);
    expect(matched.tasks).toHaveLength(23);
    expect(task(3)).toMatchObject({
      department: { id: 'ly-solid-waste', name: '固废科', path: ['liyang', 'ly-solid-waste'] },
      leader: { name: '周伟', username: 'zhouwei' },
      person: { name: '黄瑞芝', username: 'huangruizhi' },
      assignable: true,
    });
    expect(task(21)).toMatchObject({
      department: { id: 'ly-management' },
      coDepartments: [{ id: 'ly-enforcement', name: '监察大队' }],
      leader: { name: '杨育美', username: 'yangyumei' },
      assignable: false,
    });
  });

  it('keeps a person who is not a user as a name, and says why a task waits for its assignment', () => {
    expect(task(5)).toMatchObject({ person: { name: '沈科' }, assignable: false });
    expect(task(5)?.person?.username).toBeUndefined();
    expect(report(5)?.warnings).toEqual([
      '责任人“沈科”不是系统用户，按姓名记录',
      '任务暂未派单，待领导小组办公室指定责任人后派单',
    ]);
    expect(report(23)?.warnings).toContain('未写明责任人');
    expect(report(1)?.warnings).toEqual([]);
  });
});

describe('matching departments', () => {
  it('refuses a department that is not in the directory, naming the row', () => {
    const matched = matchTasks(rowsOf({ department: '环评科' }), liyangDirectory);

    expect(matched.problems).toEqual([
      { path: 'tasks.0.department', message: '第 1 项（序号 1）：找不到责任部门“环评科”：您管辖的单位中没有此科室' },
    ]);
    expect(matched.tasks).toEqual([]);
  });

  it('tells two departments of one name apart by the row’s people, else refuses the row', () => {
    const matched = matchTasks(
      rowsOf(
        { department: '监察大队', leader: '周 伟', person: '薛峰' },
        { department: '管理科', leader: '某领导', person: '某人' },
      ),
      demoDirectory,
    );

    expect(matched.tasks.map((task) => task.department.id)).toEqual(['east-enforcement']);
    expect(matched.problems[0]?.message).toContain(
      '有 2 个同名科室：城东分局管理科（east-management）、城西分局管理科',
    );
  });

  it('takes a department by its parent’s name, its unit id, or the caller’s own mapping', () => {
    const matched = matchTasks(
      rowsOf({ department: '城西分局管理科' }, { department: 'east-management' }, { department: '管理科' }),
      { ...demoDirectory, aliases: { 管理科: 'west-management' } },
    );

    expect(matched.problems).toEqual([]);
    expect(matched.tasks.map((task) => task.department.id)).toEqual([
      'west-management',
      'east-management',
      'west-management',
    ]);
  });

  it('assigns only when the person is a handler of the department and the leader a lead above it', () => {
    const matched = matchTasks(rowsOf({ department: '监察大队', leader: '薛峰', person: '周伟' }), liyangDirectory);

    expect(matched.tasks[0]?.assignable).toBe(false);
    expect(matched.reports[0]?.warnings).toEqual([
      '责任人“周伟”不是监察大队的承办人',
      '责任领导“薛峰”不是监察大队或其上级单位的包案领导',
      '任务暂未派单，待领导小组办公室指定责任人后派单',
    ]);
  });
});

describe('matching people', () => {
  it('matches names and usernames, and keeps the others as names', () => {
    expect(matchPeople(['周伟', 'yangyumei', '奚盛'], liyangUsers.map(colleagueOf))).toEqual([
      { name: '周伟', username: 'zhouwei' },
      { name: 'yangyumei', username: 'yangyumei' },
      { name: '奚盛' },
    ]);
  });
});
