import { describe, expect, it } from 'vitest';
import { monthsBetween } from '#surveys/store/keys.ts';

describe('monthsBetween', () => {
  it('lists every month a range touches, across a year end', () => {
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11-01', '2026-11-30')).toEqual(['2026-11']);
  });
});
