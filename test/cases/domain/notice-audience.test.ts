import { describe, expect, it } from 'vitest';
import { audienceFor, tellsComplainant } from '#cases/domain/notice-audience.ts';

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
