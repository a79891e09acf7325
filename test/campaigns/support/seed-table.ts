import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Seed 003's 任务分解 table as Word or Excel copies it (see ../fixtures/README.md). */
export const seedTaskTable = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'seed-003-task-table.tsv'),
  'utf8',
);

/** Each task of seed 003's table as the plan means it: number, department, leader and person, blanks filled. */
export const seedTasks: readonly (readonly [number, string, string, string | undefined])[] = [
  [1, '监察大队', '周伟', '薛峰'],
  [2, '监察大队', '周伟', '薛峰'],
  [3, '固废科', '周伟', '黄瑞芝'],
  [4, '固废科', '周伟', '黄瑞芝'],
  [5, '科技计划科', '徐剑云', '沈科'],
  [6, '宣教法制科', '谢建东', '胡辉'],
  [7, '宣教法制科', '谢建东', '胡辉'],
  [8, '宣教法制科', '谢建东', '胡辉'],
  [9, '宣教法制科', '谢建东', '胡辉'],
  [10, '管理科', '杨育美', '朱淑君'],
  [11, '管理科', '杨育美', '朱淑君'],
  [12, '管理科', '杨育美', '朱淑君'],
  [13, '管理科', '杨育美', '朱淑君'],
  [14, '管理科', '杨育美', '朱淑君'],
  [15, '监测站', '杨育美', '吴建丰'],
  [16, '监测站', '杨育美', '吴建丰'],
  [17, '监测站', '杨育美', '吴建丰'],
  [18, '监察室', '杨育美', '夏云松'],
  [19, '办公室', '杨育美', '童涛'],
  [20, '办公室', '杨育美', '童涛'],
  [21, '管理科、监察大队', '杨育美', undefined],
  [22, '管理科、监察大队', '杨育美', undefined],
  [23, '组织人事科', '杨育美', undefined],
];

/** Seed 003's phases: 动员部署 by 30 April (the plan starts on 15 April), 重点推进, 总结提高. */
export const seedPhases = [
  { name: '动员部署阶段', from: '2014-04-15', to: '2014-04-30' },
  { name: '重点推进阶段', from: '2014-05-01', to: '2014-06-20' },
  { name: '总结提高阶段', from: '2014-06-21', to: '2014-06-30' },
];

/** The import request of seed 003's campaign. */
export const seedImport = (table: string = seedTaskTable) => ({
  name: '“生态优先 环保惠民”主题实践活动',
  plan: { text: '为全面贯彻落实省环保厅生态文明“推进年”……决定在全局深入开展“生态优先，环保惠民”主题实践活动。' },
  phases: seedPhases,
  leadingGroup: { leaders: ['奚盛', '狄跃庆'], deputies: ['周伟', '徐剑云', '谢建东', '杨育美'], office: '局办公室' },
  table: { text: table },
});
