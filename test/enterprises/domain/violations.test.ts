import { describe, expect, it } from 'vitest';
import { type Enterprise, newEnterpriseSchema, registerEnterprise } from '#enterprises/domain/enterprise.ts';
import { recordViolation } from '#enterprises/domain/violations.ts';

const at = '2026-06-01T02:00:00.000Z';

const aFirm = (grade?: Enterprise['grade']): Enterprise =>
  registerEnterprise(
    newEnterpriseSchema.parse({
      uscc: '91350100M000100Y43',
      name: '示范市某某涂装有限公司',
      industries: [{ code: 'C3360', label: '金属表面处理及热处理加工' }],
      address: '城东街道工业园 8 号',
      town: '城东街道',
      ...(grade ? { grade } : {}),
    }),
    'dispatcher',
    at,
  );

const violation = (caseId: string, substantiated: 'yes' | 'partly' = 'yes') => ({
  at,
  source: 'complaint' as const,
  caseId,
  number: `GL-2026-${caseId}`,
  substantiated,
  serious: false,
});

describe('a substantiated violation on a firm’s record', () => {
  it.each(['A+', 'A', 'B', 'B-'] as const)('flags a %s firm for re-assessment, once', (grade) => {
    const first = recordViolation(aFirm(grade), violation('000001', 'partly'), 'lead');
    const second = recordViolation(first.after, violation('000002'), 'lead');

    expect(first.flagged).toBe(true);
    expect(first.after.regrade).toEqual({
      since: at,
      caseId: '000001',
      number: 'GL-2026-000001',
      reason: `GL-2026-000001 查实（部分属实），现为 ${grade} 级，须重新评定`,
    });
    expect(second.flagged).toBe(false);
    expect(second.after.regrade?.caseId).toBe('000001');
    expect(second.after.violations).toHaveLength(2);
  });

  it('records it on a C, D or ungraded firm without a flag, and the same case only once', () => {
    for (const grade of ['C', 'D', undefined] as const) {
      const { after, flagged } = recordViolation(aFirm(grade), violation('000001'), 'lead');
      expect([flagged, after.regrade, after.violations?.length]).toEqual([false, undefined, 1]);
      expect(recordViolation(after, violation('000001'), 'lead').after).toBe(after);
    }
  });
});
