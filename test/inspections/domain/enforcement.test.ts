import { describe, expect, it } from 'vitest';
import { docketNumberOf, docketUnitOf, newEnforcementCaseSchema } from '#inspections/domain/enforcement.ts';
import { enforcementRequestSchema } from '#inspections/domain/inspection.ts';

describe('docket numbers (立案文号)', () => {
  it('are written 环立〔year〕n号', () => {
    expect(docketNumberOf(2026, 1)).toBe('环立〔2026〕1号');
    expect(docketNumberOf(2025, 112)).toBe('环立〔2025〕112号');
  });

  it('come from the series of the nearest bureau or branch on the filing unit’s path', () => {
    const bureau = { id: 'city', kind: 'bureau' } as const;
    const branch = { id: 'east', kind: 'branch' } as const;
    const team = { id: 'east-enforcement', kind: 'department' } as const;

    expect(docketUnitOf([bureau, branch, team])).toBe('east');
    expect(docketUnitOf([bureau, { id: 'city-enforcement', kind: 'department' }])).toBe('city');
    expect(docketUnitOf([bureau])).toBe('city');
  });

  it('are never typed in: a filing or a finding carrying one is refused', () => {
    const filing = newEnforcementCaseSchema.safeParse({
      uscc: '91350100M000100Y43',
      cause: '超标排放',
      filedOn: '2026-04-15',
      docketNumber: '溧环立〔2026〕12号',
    });
    const finding = enforcementRequestSchema.safeParse({ cause: '超标排放', docketNumber: '溧环立〔2026〕12号' });

    expect(filing.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['docketNumber'] });
    expect(finding.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['docketNumber'] });
  });
});
