import { describe, expect, it } from 'vitest';
import { newEnterpriseSchema, registerEnterprise } from '#enterprises/domain/enterprise.ts';
import { enterpriseSearchSchema, matchesSearch, nameBigrams, normaliseName } from '#enterprises/domain/search.ts';

const firm = registerEnterprise(
  newEnterpriseSchema.parse({
    uscc: '91350100M000100Y43',
    name: '示范市ＡＢＣ金属制品有限公司',
    industries: [{ code: 'C3360', label: '金属表面处理及热处理加工' }],
    address: '城东街道工业园 8 号',
    town: '城东街道',
    vocs: true,
  }),
  'dispatcher',
  '2026-03-01T02:00:00.000Z',
);

describe('name fragments', () => {
  it('normalises full-width letters, case and spaces', () => {
    expect(normaliseName('ＡＢＣ 金属 Co')).toBe('abc金属co');
  });

  it('splits a name into its distinct two-character pieces', () => {
    expect(nameBigrams('金属制品金属')).toEqual(['金属', '属制', '制品', '品金']);
    expect(nameBigrams('厂')).toEqual([]);
  });
});

describe('whether an enterprise meets a search (matchesSearch)', () => {
  const search = (query: Record<string, string>) => enterpriseSearchSchema.parse(query);

  it('meets every criterion that holds, and only those', () => {
    expect(matchesSearch(firm, search({ q: '金属制品', town: '城东街道', industry: 'c3360', vocs: 'true' }))).toBe(
      true,
    );
    expect(matchesSearch(firm, search({ q: 'abc' }))).toBe(true);
    expect(matchesSearch(firm, search({ grade: 'none' }))).toBe(true);
    expect(matchesSearch(firm, search({ q: '金属品' }))).toBe(false);
    expect(matchesSearch(firm, search({ town: '城西街道' }))).toBe(false);
    expect(matchesSearch(firm, search({ keyPolluter: 'true' }))).toBe(false);
    expect(matchesSearch(firm, search({ grade: 'B' }))).toBe(false);
  });

  it('reads `A+` sent unencoded (`A `) as A+, and refuses a one-character name fragment', () => {
    expect(search({ grade: 'A ' }).grade).toBe('A+');
    expect(enterpriseSearchSchema.safeParse({ q: '厂' }).success).toBe(false);
    expect(enterpriseSearchSchema.safeParse({ keyPolluter: 'false' }).success).toBe(false);
  });
});
