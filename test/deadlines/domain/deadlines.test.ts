import { describe, expect, it } from 'vitest';
import type { Case } from '#cases/domain/case.ts';
import { applyTimeLimits, caseColour, checkCase } from '#deadlines/domain/deadlines.ts';
import { aCase, demoAssignment } from '../../support/cases.ts';
import { beijing, timeContext } from '../../support/time.ts';

const time = timeContext();
const letter = (overrides: Partial<Case> = {}) =>
  aCase({ complaint: { ...(aCase().complaint as NonNullable<Case['complaint']>), channel: 'letter' }, ...overrides });
const hotline = (overrides: Partial<Case> = {}) => aCase(overrides);

/** Registers `item` received at `receivedAt`, then accepts it at `acceptedAt`. */
const accepted = (item: Case, acceptedAt: Date): Case => {
  const registered = applyTimeLimits(undefined, { ...item, receivedAt: acceptedAt.toISOString() }, acceptedAt, time);
  return applyTimeLimits(registered, { ...registered, state: 'accepted' }, acceptedAt, time);
};

describe('deadlines from the policies', () => {
  it('gives a complaint 15 days to decide on acceptance under the petition regulation', () => {
    const registered = applyTimeLimits(
      undefined,
      letter({ receivedAt: beijing('2026-11-24T09:00:00').toISOString() }),
      beijing('2026-11-24T09:00:00'),
      time,
    );
    expect(registered.timeLimits).toMatchObject({ policyId: 'petition-regulation', policyVersion: 1 });
    expect(registered.timeLimits?.clocks.accept?.dueDate).toBe('2026-12-09');
  });

  it('gives 60 days from acceptance, moving a last day in the National Day holiday to the next working day', () => {
    const item = accepted(letter(), beijing('2026-08-02T10:00:00'));
    expect(item.timeLimits?.clocks.finish?.dueDate).toBe('2026-10-08');
    expect(item.timeLimits?.clocks.finish?.dueAt).toBe('2026-10-08T16:00:00.000Z');
  });

  it('counts 13 working days for a hotline work order across Spring Festival 2026 and its make-up Saturday', () => {
    const item = accepted(hotline(), beijing('2026-02-10T10:00:00'));
    // Working days from 11 Feb: 11, 12, 13, 14 (make-up Sat), [15–23 holiday], 24, 25, 26, 27, 28 (make-up Sat),
    // Mar 2, 3, 4, 5 → the 13th is 5 March.
    expect(item.timeLimits?.clocks.finish?.dueDate).toBe('2026-03-05');
    expect(item.timeLimits?.policyId).toBe('hotline');
  });

  it('flags a working-day deadline in a year without calendar data instead of trusting it', () => {
    const item = accepted(hotline(), beijing('2027-03-01T10:00:00'));
    expect(item.calendarMissingYears).toEqual([2027]);
    expect(item.timeLimits?.clocks.finish?.missingCalendarYears).toEqual([2027]);
  });

  it('extends the finish clock by the approved days and keeps the policy version', () => {
    const item = accepted(letter(), beijing('2026-08-02T10:00:00'));
    const extended = applyTimeLimits(item, { ...item, state: 'in-progress' }, beijing('2026-09-01T10:00:00'), time, {
      extensionDays: 30,
    });
    expect(extended.timeLimits?.clocks.finish).toMatchObject({ dueDate: '2026-11-09', extendedDays: 30 });
  });
});

describe('colours', () => {
  const item = accepted(letter({ assignment: demoAssignment }), beijing('2026-09-01T10:00:00'));
  const due = item.timeLimits?.clocks.finish;

  it('is blue on track, yellow in the last 20% of the period, red when overdue', () => {
    // 1 Sep + 60 days = Sat 31 Oct, a rest day: the period ends on Mon 2 Nov.
    expect(due?.dueDate).toBe('2026-11-02');
    expect(caseColour(item, beijing('2026-10-10T10:00:00'))).toBe('blue');
    expect(caseColour(item, beijing('2026-10-25T10:00:00'))).toBe('yellow');
    expect(caseColour(item, beijing('2026-11-03T00:00:01'))).toBe('red');
  });

  it('is green when finished, marked late after the deadline', () => {
    const inProgress = { ...item, state: 'in-progress' as const };
    const onTime = applyTimeLimits(
      inProgress,
      { ...inProgress, state: 'closed' },
      beijing('2026-10-20T10:00:00'),
      time,
    );
    const late = applyTimeLimits(inProgress, { ...inProgress, state: 'closed' }, beijing('2026-11-06T10:00:00'), time);
    expect([onTime.colour, onTime.late]).toEqual(['green', false]);
    expect([late.colour, late.late]).toEqual(['green', true]);
    expect(late.nextCheckAt).toBeUndefined();
  });
});

describe('the nightly check of one case', () => {
  const item = {
    ...accepted(letter(), beijing('2026-09-01T10:00:00')),
    state: 'in-progress' as const,
    assignment: demoAssignment,
  };

  it('turns yellow once, with a notice, and looks in again at the deadline', () => {
    const first = checkCase(item, beijing('2026-10-25T01:00:00'), time);
    expect(first.colourChanged).toBe(true);
    expect(first.notices.map((notice) => notice.kind)).toEqual(['deadline-yellow']);
    expect(first.case.nextCheckAt).toBe(item.timeLimits?.clocks.finish?.dueAt);
    const again = checkCase(first.case, beijing('2026-10-25T01:00:00'), time);
    expect([again.colourChanged, again.notices]).toEqual([false, []]);
  });

  it('raises red and the reminder the working day after the deadline, supervision five working days later', () => {
    const red = checkCase(item, beijing('2026-11-03T01:00:00'), time);
    const clock = red.case.timeLimits?.clocks.finish;
    expect(clock?.reminderAt).toBe(beijing('2026-11-03T00:00:00').toISOString());
    expect(red.notices.map((notice) => notice.kind)).toEqual(['deadline-red', 'deadline-reminder']);
    expect(clock?.supervisionAt).toBe(beijing('2026-11-10T00:00:00').toISOString());
    expect(red.case.nextCheckAt).toBe(clock?.supervisionAt);
    expect(checkCase(red.case, beijing('2026-11-04T01:00:00'), time).notices).toEqual([]);
    const supervised = checkCase(red.case, beijing('2026-11-10T01:00:00'), time);
    expect(supervised.notices.map((notice) => notice.kind)).toEqual(['deadline-supervision']);
    expect(supervised.case.nextCheckAt).toBeUndefined();
  });

  it('fills in a missing deadline', () => {
    const { timeLimits: _none, nextCheckAt: _check, ...untimed } = item;
    const result = checkCase(untimed as Case, beijing('2026-11-10T01:00:00'), time);
    expect(result.filledIn).toEqual(['finish']);
    expect(result.case.timeLimits?.clocks.finish).toBeDefined();
  });
});
