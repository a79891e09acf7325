import type { Case } from '#cases/domain/case.ts';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';
import type { CloseOut, RectificationDetails } from '#rectification/domain/details.ts';
import { demoUnits, demoUsers } from '../../local/demo-organisation.ts';

export const unitOf = (id: string): OrgUnit => {
  const unit = demoUnits.find((candidate) => candidate.id === id);
  if (!unit) throw new Error(`no demo unit ${id}`);
  return unit;
};

export const userOf = (username: string): User => {
  const user = demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
};

/** A stored complaint case in the given state, registered by the city petition office. */
export const aCase = (overrides: Partial<Case> = {}): Case => ({
  id: '01KCASEAAAAAAAAAAAAAAAAAAA',
  number: 'GL-2026-000001',
  kind: 'complaint',
  state: 'registered',
  version: 1,
  unitId: 'city-petition',
  unitPath: ['city', 'city-petition'],
  receivedAt: '2026-11-20T01:00:00.000Z',
  createdAt: '2026-11-20T01:00:00.000Z',
  updatedAt: '2026-11-20T01:00:00.000Z',
  createdBy: 'operator',
  complaint: {
    channel: 'hotline',
    complainant: { anonymous: false, confidential: false, name: '李女士', email: 'li@example.cn' },
    place: { address: '建设路 18 号', town: '城东街道' },
    category: 'noise',
    description: '工厂夜间持续作业，噪声很大。',
    urgency: 'normal',
  },
  historyLength: 1,
  returnCount: 0,
  extensions: [],
  mergedCases: [],
  ...overrides,
});

/** A problem's own fields (整改问题), at the close-out stage given. */
export const aProblemDetails = (overrides: Partial<RectificationDetails> = {}): RectificationDetails => ({
  source: 'central-inspection',
  description: '城东化工园区污水处理厂超标排放。',
  plan: { measures: '提标改造，安装在线监测。', milestones: [] },
  responsibleUnit: { id: 'east-enforcement', name: '监察大队' },
  leadOfficial: { name: '周伟', username: 'lead' },
  responsiblePerson: { name: '王强', username: 'handler' },
  band: 'short-term',
  ...overrides,
});

/** The close-out steps taken up to (not including) `action`, as the demo people took them. */
export const closeOutBefore = (action: string): CloseOut => {
  const at = '2026-11-22T01:00:00.000Z';
  const steps: [string, CloseOut][] = [
    ['check-on-site', { application: { at, by: 'handler', result: '已完成整改。', evidence: [] } }],
    [
      'sign-off',
      { onSiteCheck: { at, by: 'dispatcher', date: '2026-11-22', inspectors: '张三', findings: '到位', passed: true } },
    ],
    ['publish', { signOff: { at, by: 'lead' } }],
    [
      'strike-off',
      { publication: { at, by: 'dispatcher', startDate: '2026-11-22', endDate: '2026-11-27', workingDays: 5 } },
    ],
  ];
  const upTo = steps.findIndex(([name]) => name === action);
  return Object.assign({}, ...steps.slice(0, upTo < 0 ? steps.length : upTo + 1).map(([, step]) => step));
};

/** The assignment the demo dispatcher makes: 城东分局 监察大队, handler as responsible person, lead as lead official. */
export const demoAssignment = {
  departmentId: 'east-enforcement',
  departmentPath: ['city', 'east', 'east-enforcement'],
  responsibleUsername: 'handler',
  leadUsername: 'lead',
  assignedAt: '2026-11-21T01:00:00.000Z',
  assignedBy: 'dispatcher',
} as const;
