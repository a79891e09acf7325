import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '#cases/domain/case.ts';
import {
  audienceFor,
  duplicatesMergedBefore,
  mergeTellsComplainant,
  tellsComplainant,
} from '#cases/domain/notice-audience.ts';

describe('audienceFor', () => {
  it('tells the department’s people once a case is assigned', () => {
    expect(audienceFor('case-assigned', true)).toEqual(['responsible', 'lead']);
    expect(audienceFor('result-submitted', true)).toEqual(['lead']);
    expect(audienceFor('deadline-red', true)).toEqual(['responsible', 'lead']);
    expect(audienceFor('deadline-supervision', true)).toEqual(['lead', 'supervisors']);
  });

  it('tells the petition office about deadlines of a case no department holds yet', () => {
    expect(audienceFor('deadline-yellow', false)).toEqual(['dispatchers']);
    expect(audienceFor('deadline-supervision', false)).toEqual(['dispatchers', 'supervisors']);
  });

  it('tells administrators about calendar gaps, and the complainant only of decisions and results', () => {
    expect(audienceFor('calendar-missing', true)).toEqual(['admins']);
    expect(
      ['case-accepted', 'case-rejected', 'case-closed', 'case-assigned'].map((type) => tellsComplainant(type as never)),
    ).toEqual([true, true, true, false]);
  });
});

const entry = (sequence: number, action: string, changes: Record<string, unknown> = {}): HistoryEntry => ({
  caseId: '01KMASTER',
  sequence,
  at: '2026-11-20T01:00:00.000Z',
  actor: 'dispatcher',
  role: 'dispatcher',
  action,
  fromState: 'registered',
  toState: 'registered',
  changes,
});

describe('complainants of merged duplicates', () => {
  it('are told of a merge only when the master had been accepted already', () => {
    expect(mergeTellsComplainant(entry(2, 'merge', { masterState: 'registered' }))).toBe(false);
    expect(mergeTellsComplainant(entry(2, 'merge', { masterState: 'accepted' }))).toBe(true);
    expect(mergeTellsComplainant(entry(2, 'merge', { masterState: 'in-progress' }))).toBe(true);
    expect(mergeTellsComplainant(entry(2, 'merge', {}))).toBe(false);
    expect(mergeTellsComplainant(undefined)).toBe(false);
  });

  it('hear of the master’s decision when merged before it, not after', () => {
    const history = [
      entry(1, 'register'),
      entry(2, 'absorb-duplicate', { mergedCase: 'A' }),
      entry(3, 'accept'),
      entry(4, 'absorb-duplicate', { mergedCase: 'B' }),
      entry(5, 'assign'),
    ];
    expect(duplicatesMergedBefore(history, 3)).toEqual(['A']);
    expect(duplicatesMergedBefore(history, 6)).toEqual(['A', 'B']);
  });
});
