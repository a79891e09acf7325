import { describe, expect, it } from 'vitest';
import { type Enterprise, newEnterpriseSchema, registerEnterprise } from '#enterprises/domain/enterprise.ts';
import {
  afterGradeChange,
  enterPositiveList,
  entryObstacles,
  removeFromPositiveList,
} from '#enterprises/domain/positive-list.ts';
import { ConflictError } from '#platform/domain/errors.ts';

const at = '2026-03-01T02:00:00.000Z';

const aFirm = (overrides: Partial<Enterprise> = {}): Enterprise => ({
  ...registerEnterprise(
    newEnterpriseSchema.parse({
      uscc: '91350100M000100Y43',
      name: '示范市某某涂装有限公司',
      industries: [{ code: 'C3360', label: '金属表面处理及热处理加工' }],
      address: '城东街道工业园 8 号',
      town: '城东街道',
    }),
    'dispatcher',
    at,
  ),
  ...overrides,
});

const violation = (day: string) => ({
  at: `${day}T02:00:00.000Z`,
  source: 'complaint' as const,
  caseId: 'case-1',
  number: 'GL-2025-000007',
  substantiated: 'yes' as const,
  serious: false,
});

describe('entering the positive list', () => {
  it('takes an A or B firm without a substantiated violation in the last 12 months', () => {
    expect(entryObstacles(aFirm({ grade: 'A' }), '2026-03-01')).toEqual([]);
    expect(entryObstacles(aFirm({ grade: 'B', violations: [violation('2025-02-27')] }), '2026-03-01')).toEqual([]);
  });

  it('names every unmet condition: the grade, a recent violation, a bar still running', () => {
    const firm = aFirm({ grade: 'C', violations: [violation('2025-06-01')], positiveListBarredUntil: '2027-01-01' });

    expect(entryObstacles(firm, '2026-03-01')).toEqual([
      '绩效等级须为 A+、A、B 级之一（现为 C 级）',
      '近 12 个月内有查实的违法问题：GL-2025-000007',
      '因严重违法被移出，2027-01-01 前不得再纳入',
    ]);
    expect(() => enterPositiveList(firm, { reason: '申请' }, 'supervisor', at)).toThrow(ConflictError);
  });

  it('records who, why and under which rules; a serious removal bars for 3 years, a grade below B removes', () => {
    const listed = enterPositiveList(aFirm({ grade: 'A' }), { reason: '守法经营' }, 'supervisor', at);
    const removed = removeFromPositiveList(listed, { reason: '偷排', serious: true }, 'supervisor', at);
    const fell = afterGradeChange({ ...listed, grade: 'C' }, at);

    expect(listed.positiveListHistory).toEqual([
      { at, by: 'supervisor', action: 'enter', reason: '守法经营', rulesVersion: 1 },
    ]);
    expect(removed).toMatchObject({ positiveList: 'removed', positiveListBarredUntil: '2029-03-01' });
    expect(fell.positiveList).toBe('removed');
    expect(fell.positiveListHistory?.at(-1)).toMatchObject({
      by: 'system',
      reason: '绩效等级降为 C 级，不再符合正面清单条件',
    });
    expect(afterGradeChange({ ...listed, grade: 'B' }, at)).toEqual({ ...listed, grade: 'B' });
  });
});
