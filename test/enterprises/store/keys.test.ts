import { describe, expect, it } from 'vitest';
import { maxNameLength, newEnterpriseSchema, registerEnterprise } from '#enterprises/domain/enterprise.ts';
import { enterpriseSearchSchema } from '#enterprises/domain/search.ts';
import { entrySortKey, facetsOf, facetsOfSearch, maxEntries, usccOfSortKey } from '#enterprises/store/keys.ts';

const anEnterprise = (overrides: Record<string, unknown> = {}) =>
  registerEnterprise(
    newEnterpriseSchema.parse({
      uscc: '91350100M000100Y43',
      name: '某某涂装',
      industries: [{ code: 'C3360', label: '金属表面处理' }],
      address: '工业园 8 号',
      town: '城东街道',
      keyPolluter: true,
      ...overrides,
    }),
    'dispatcher',
    '2026-03-01T02:00:00.000Z',
  );

describe('the search entries of an enterprise', () => {
  it('has one per criterion it is found by', () => {
    expect(facetsOf(anEnterprise())).toEqual([
      'ALL',
      'TOWN#城东街道',
      'INDUSTRY#C3360',
      'GRADE#none',
      'POSITIVE#not-listed',
      'FLAG#key-polluter',
      'NAME#某某',
      'NAME#某涂',
      'NAME#涂装',
    ]);
  });

  it('fits with the enterprise in one transaction, however long the name', () => {
    const longest = {
      ...anEnterprise({
        name: Array.from({ length: maxNameLength }, (_, index) => String.fromCodePoint(0x4e00 + index)).join(''),
        industries: ['C3360', 'C3311', 'C2641', 'C2319', 'C3130'].map((code) => ({ code, label: '行业' })),
        vocs: true,
      }),
      regrade: { since: '2026-06-01T02:00:00.000Z', caseId: 'c', number: 'GL-2026-000001', reason: '查实' },
      helpPlan: {
        caseId: 'h',
        state: 'opening' as const,
        assessmentId: 'a',
        unitId: 'city',
        since: '2026-06-01T02:00:00.000Z',
      },
    };

    expect(facetsOf(longest)).toHaveLength(maxEntries);
    expect(maxEntries + 1).toBeLessThanOrEqual(100);
  });

  it('lists a help plan not yet settled (opening or closing), and not an open one', () => {
    const plan = { caseId: 'h', assessmentId: 'a', unitId: 'city', since: '2026-06-01T02:00:00.000Z' };
    const withPlan = (state: 'opening' | 'open' | 'closing') => ({ ...anEnterprise(), helpPlan: { ...plan, state } });

    expect(facetsOf(withPlan('opening'))).toContain('FLAG#help-plan-unsettled');
    expect(facetsOf(withPlan('closing'))).toContain('FLAG#help-plan-unsettled');
    expect(facetsOf(withPlan('open'))).not.toContain('FLAG#help-plan-unsettled');
  });

  it('sorts entries by name and ends them with the USCC', () => {
    const sortKey = entrySortKey(anEnterprise({ name: '甲#乙厂' }));

    expect(sortKey).toBe('甲#乙厂#91350100M000100Y43');
    expect(usccOfSortKey(sortKey)).toBe('91350100M000100Y43');
  });
});

describe('the partitions a search reads', () => {
  it('reads one partition per criterion and each bigram of a name fragment; every firm without criteria', () => {
    const search = (query: Record<string, string>) => facetsOfSearch(enterpriseSearchSchema.parse(query));

    expect(search({ town: '城东街道', grade: 'C', q: '涂装厂' })).toEqual([
      'TOWN#城东街道',
      'GRADE#C',
      'NAME#涂装',
      'NAME#装厂',
    ]);
    expect(search({})).toEqual(['ALL']);
  });
});
