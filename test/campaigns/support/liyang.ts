import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';
import type { Principal } from '#platform/domain/principal.ts';

/**
 * A bureau organised as seed 003's plan names it: the Liyang bureau, its office (where the leading group's office sits,
 * the dispatchers' unit) and the departments of the task table; its leaders and the departments' responsible persons.
 * 沈科 (科技计划科) is not a user, to show a name kept as written.
 */
const unit = (id: string, name: string, parent?: OrgUnit, extra: Partial<OrgUnit> = {}): OrgUnit => ({
  id,
  name,
  kind: parent ? 'department' : 'bureau',
  parentId: parent?.id ?? null,
  path: [...(parent?.path ?? []), id],
  ...extra,
});

export const bureau = unit('liyang', '溧阳市环境保护局');

export const liyangUnits: readonly OrgUnit[] = [
  bureau,
  unit('ly-office', '办公室', bureau, { petitionOffice: true }),
  unit('ly-enforcement', '监察大队', bureau),
  unit('ly-solid-waste', '固废科', bureau),
  unit('ly-planning', '科技计划科', bureau),
  unit('ly-publicity', '宣教法制科', bureau),
  unit('ly-management', '管理科', bureau),
  unit('ly-monitoring', '监测站', bureau),
  unit('ly-discipline', '监察室', bureau),
  unit('ly-personnel', '组织人事科', bureau),
];

const user = (username: string, displayName: string, role: User['roles'][number], unitId: string): User => ({
  username,
  displayName,
  email: `${username}@liyang.example.cn`,
  roles: [role],
  unitId,
});

export const liyangUsers: readonly User[] = [
  user('ly-dispatcher', '王芳（局办公室）', 'dispatcher', 'ly-office'),
  user('zhouwei', '周伟（副局长）', 'lead', 'liyang'),
  user('xujianyun', '徐剑云', 'lead', 'liyang'),
  user('xiejiandong', '谢建东', 'lead', 'liyang'),
  user('yangyumei', '杨育美', 'lead', 'liyang'),
  user('xuefeng', '薛峰', 'handler', 'ly-enforcement'),
  user('huangruizhi', '黄瑞芝', 'handler', 'ly-solid-waste'),
  user('huhui', '胡辉', 'handler', 'ly-publicity'),
  user('zhushujun', '朱淑君', 'handler', 'ly-management'),
  user('wujianfeng', '吴建丰', 'handler', 'ly-monitoring'),
  user('xiayunsong', '夏云松', 'handler', 'ly-discipline'),
  user('tongtao', '童涛', 'handler', 'ly-office'),
  user('ly-supervisor', '督办员', 'supervisor', 'liyang'),
];

const principalOf = (username: string): Principal => {
  const found = liyangUsers.find((each) => each.username === username);
  if (!found) throw new Error(`no user ${username}`);
  return { username: found.username, roles: found.roles, unitId: found.unitId };
};

export const liyang = {
  dispatcher: principalOf('ly-dispatcher'),
  supervisor: principalOf('ly-supervisor'),
  leadZhou: principalOf('zhouwei'),
  /** 薛峰 of 监察大队: tasks 1 and 2. */
  enforcement: principalOf('xuefeng'),
  /** 黄瑞芝 of 固废科: tasks 3 and 4. */
  solidWaste: principalOf('huangruizhi'),
  /** 朱淑君 of 管理科: tasks 10 to 14, and 21 and 22 with 监察大队. */
  management: principalOf('zhushujun'),
} as const;
