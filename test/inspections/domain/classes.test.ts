import { describe, expect, it } from 'vitest';
import { type ClassFacts, supervisionClassOf } from '#inspections/domain/classes.ts';

const aFirm = (overrides: Partial<ClassFacts> = {}): ClassFacts => ({
  keyPolluter: false,
  positiveList: 'not-listed',
  ...overrides,
});

const violation = (at: string) =>
  ({ at, source: 'complaint', caseId: 'C', number: 'GL-2026-000001', substantiated: 'yes', serious: false }) as const;

describe('supervisionClassOf', () => {
  it('derives the class from the register’s facts, the first rule that matches deciding', () => {
    const today = '2026-04-15';
    expect(supervisionClassOf(aFirm(), today)).toBe('general');
    expect(supervisionClassOf(aFirm({ keyPolluter: true }), today)).toBe('key-polluter');
    expect(supervisionClassOf(aFirm({ keyPolluter: true, positiveList: 'listed', grade: 'A' }), today)).toBe(
      'positive-list',
    );
    expect(supervisionClassOf(aFirm({ grade: 'D' }), today)).toBe('special');
    expect(
      supervisionClassOf(
        aFirm({ regrade: { since: '2026-03-01T00:00:00Z', caseId: 'C', number: 'N', reason: 'r' } }),
        today,
      ),
    ).toBe('special');
    expect(
      supervisionClassOf(aFirm({ positiveList: 'listed', violations: [violation('2026-01-10T02:00:00Z')] }), today),
    ).toBe('special');
    // A violation more than a year ago no longer counts.
    expect(
      supervisionClassOf(aFirm({ keyPolluter: true, violations: [violation('2025-03-01T02:00:00Z')] }), today),
    ).toBe('key-polluter');
  });
});
