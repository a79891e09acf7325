import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';

/**
 * The demo organisation seeded on first start: a city bureau, two branches, and departments named as in the Liyang
 * campaign plan (seed 003). Made-up names and addresses; emails go to the local SES inbox only.
 */
const unit = (id: string, name: string, kind: OrgUnit['kind'], parent: OrgUnit | null, extra: Partial<OrgUnit> = {}) =>
  ({ id, name, kind, parentId: parent?.id ?? null, path: [...(parent?.path ?? []), id], ...extra }) satisfies OrgUnit;

const bureau = unit('city', '示范市生态环境局', 'bureau', null);
const petitionOffice = unit('city-petition', '信访办', 'department', bureau, { petitionOffice: true });
const office = unit('city-office', '办公室', 'department', bureau);
const east = unit('east', '城东分局', 'branch', bureau);
const west = unit('west', '城西分局', 'branch', bureau);

/** Complaints from the public web form go to the city bureau's petition office. */
export const demoPublicIntakeUnitId = petitionOffice.id;

export const demoUnits: readonly OrgUnit[] = [
  bureau,
  petitionOffice,
  office,
  unit('city-planning', '科技计划科', 'department', bureau),
  unit('city-publicity', '宣教法制科', 'department', bureau),
  unit('city-monitoring', '监测站', 'department', bureau),
  unit('city-discipline', '监察室', 'department', bureau),
  unit('city-personnel', '组织人事科', 'department', bureau),
  east,
  unit('east-enforcement', '监察大队', 'department', east),
  unit('east-solid-waste', '固废科', 'department', east),
  unit('east-management', '管理科', 'department', east),
  west,
  unit('west-enforcement', '监察大队', 'department', west),
  unit('west-management', '管理科', 'department', west),
];

const user = (username: string, displayName: string, role: User['roles'][number], unitId: string): User => ({
  username,
  displayName,
  email: `${username}@greenline.local`,
  roles: [role],
  unitId,
});

export const demoUsers: readonly User[] = [
  user('operator', '王丽（接线员）', 'operator', 'city-petition'),
  user('dispatcher', '陈静（信访办）', 'dispatcher', 'city-petition'),
  user('handler', '薛峰（监察大队）', 'handler', 'east-enforcement'),
  user('handler2', '黄瑞芝（固废科）', 'handler', 'east-solid-waste'),
  user('lead', '周伟（城东分局包案领导）', 'lead', 'east'),
  user('handler3', '林海（城西分局监察大队）', 'handler', 'west-enforcement'),
  user('lead2', '郑敏（城西分局包案领导）', 'lead', 'west'),
  user('lead3', '杨育美（城东分局分管领导）', 'lead', 'east'),
  user('handler4', '朱淑君（城东分局管理科）', 'handler', 'east-management'),
  user('supervisor', '夏云松（督办）', 'supervisor', 'city'),
  user('admin', '童涛（系统管理员）', 'admin', 'city'),
];
