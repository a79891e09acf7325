import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '#cases/domain/case.ts';
import { buildCalendar, type CalendarDay } from '#deadlines/domain/calendar.ts';
import {
  applyTimeLimits,
  type CaseTimeLimits,
  calendarMissingEvents,
  caseColour,
  checkCase,
  recomputeEnteredYears,
  type TimeContext,
} from '#deadlines/domain/deadlines.ts';
import { libraryCalendarData } from '#deadlines/domain/holiday-library.ts';
import { initialPolicySet } from '#deadlines/domain/time-limit-policies.ts';
import { addDays } from '#platform/domain/time.ts';
import { aCase, demoAssignment } from '../../support/cases.ts';
import { beijing, timeContext } from '../../support/time.ts';

const time = timeContext();
/** Part of the 2027 notice: New Year's Day holiday from Friday 1 to Sunday 3 January. */
const notice2027: CalendarDay[] = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦' },
];
const letter = (overrides: Partial<Case> = {}) =>
  aCase({ complaint: { ...(aCase().complaint as NonNullable<Case['complaint']>), channel: 'letter' }, ...overrides });
const hotline = (overrides: Partial<Case> = {}) => aCase(overrides);

/** Registers `item`, received at `acceptedAt`, and accepts it then, under `context`. */
const acceptedUnder = (item: Case, acceptedAt: Date, context: TimeContext): Case => {
  const registered = applyTimeLimits(undefined, { ...item, receivedAt: acceptedAt.toISOString() }, acceptedAt, context);
  return applyTimeLimits(registered, { ...registered, state: 'accepted' }, acceptedAt, context);
};
/** Registers `item`, received at `acceptedAt`, and accepts it then. */
const accepted = (item: Case, acceptedAt: Date): Case => acceptedUnder(item, acceptedAt, time);

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

describe('years without calendar data', () => {
  const known2027: TimeContext = {
    ...time,
    calendar: buildCalendar({
      library: libraryCalendarData([2025, 2026, 2027]),
      overrides: { years: [2027], days: notice2027 },
    }),
  };

  it('flags the 督办 day of a letter registered on 10 December 2026, five working days after 催办 on 28 December', () => {
    const registered = applyTimeLimits(
      undefined,
      letter({ receivedAt: beijing('2026-12-10T09:00:00').toISOString() }),
      beijing('2026-12-10T09:00:00'),
      time,
    );

    const accept = registered.timeLimits?.clocks.accept;
    expect(accept).toMatchObject({ dueDate: '2026-12-25', missingCalendarYears: [2027] });
    expect(accept?.reminderAt).toBe(beijing('2026-12-28T00:00:00').toISOString());
    expect(accept?.supervisionAt).toBe(beijing('2027-01-04T00:00:00').toISOString());
    expect(registered.calendarMissingYears).toEqual([2027]);
  });

  it('does not flag escalation days that the calendar knows', () => {
    const registered = applyTimeLimits(
      undefined,
      letter({ receivedAt: beijing('2026-11-20T09:00:00').toISOString() }),
      beijing('2026-11-20T09:00:00'),
      time,
    );

    // Due Sat 5 → Mon 7 December; 催办 Tue 8, 督办 Tue 15 December.
    expect(registered.timeLimits?.clocks.accept?.supervisionAt).toBe(beijing('2026-12-15T00:00:00').toISOString());
    expect(registered.calendarMissingYears).toBeUndefined();
  });

  it('asks the next nightly check to look in when a case is newly flagged, until it has', () => {
    const receivedAt = beijing('2026-12-24T10:00:00');
    const registered = applyTimeLimits(undefined, hotline({ receivedAt: receivedAt.toISOString() }), receivedAt, time);
    const accepted = applyTimeLimits(
      registered,
      { ...registered, state: 'accepted' },
      beijing('2026-12-24T11:00:00'),
      time,
    );
    const checked = checkCase(accepted, beijing('2026-12-25T01:00:00'), time).case;
    const assigned = applyTimeLimits(
      checked,
      { ...checked, state: 'assigned', assignment: demoAssignment },
      beijing('2026-12-25T10:00:00'),
      time,
    );

    expect(registered.nextCheckAt).toBe(new Date(0).toISOString());
    expect(accepted.nextCheckAt).toBe(new Date(0).toISOString());
    expect(checked.nextCheckAt).toBe(checked.timeLimits?.clocks.finish?.warnFrom);
    expect(assigned.calendarMissingYears).toEqual([2027]);
    expect(assigned.nextCheckAt).not.toBe(new Date(0).toISOString());
  });

  it('raises one calendar-missing event per newly missing year, named by case and year', () => {
    const registered = applyTimeLimits(
      undefined,
      letter({ receivedAt: beijing('2026-10-20T09:00:00').toISOString() }),
      beijing('2026-10-20T09:00:00'),
      time,
    );
    const accepted = applyTimeLimits(
      registered,
      { ...registered, state: 'accepted' },
      beijing('2026-11-10T10:00:00'),
      time,
    );

    expect(calendarMissingEvents(undefined, registered, 'now')).toEqual([]);
    expect(calendarMissingEvents(registered, accepted, '2026-11-10T02:00:00.000Z', 2)).toEqual([
      {
        id: `calendar-missing:${accepted.id}:2027`,
        type: 'calendar-missing',
        caseId: accepted.id,
        occurredAt: '2026-11-10T02:00:00.000Z',
        sequence: 2,
        calendarYears: [2027],
      },
    ]);
    expect(calendarMissingEvents(accepted, { ...accepted, version: 3 }, 'later')).toEqual([]);
  });

  it('recomputes flagged clocks from the same starts once the year is known, keeping what was raised', () => {
    const flagged = accepted(hotline(), beijing('2026-12-24T10:00:00'));
    const reminded = {
      ...flagged,
      timeLimits: {
        ...(flagged.timeLimits as CaseTimeLimits),
        clocks: { ...flagged.timeLimits?.clocks, accept: { ...flagged.timeLimits?.clocks.accept, reminded: true } },
      },
    } as Case;

    const result = recomputeEnteredYears(reminded, known2027);

    expect(result.entered).toEqual([2027]);
    expect(result.clocks).toEqual({
      accept: { from: '2026-12-25', to: '2026-12-25' },
      finish: { from: '2027-01-12', to: '2027-01-13' },
    });
    const { accept, finish } = result.case.timeLimits?.clocks ?? {};
    expect(finish).toMatchObject({ startedAt: flagged.timeLimits?.clocks.finish?.startedAt, dueDate: '2027-01-13' });
    expect(accept).toMatchObject({ reminded: true, supervisionAt: beijing('2027-01-05T00:00:00').toISOString() });
    expect([accept?.missingCalendarYears, finish?.missingCalendarYears]).toEqual([undefined, undefined]);
    expect(result.case.calendarMissingYears).toBeUndefined();
    expect(result.case.colour).toBe(flagged.colour);
  });

  it('keeps the extension days and the policy version of a recomputed clock', () => {
    const flagged = accepted(letter(), beijing('2026-11-10T10:00:00'));
    const extended = applyTimeLimits(
      flagged,
      { ...flagged, state: 'in-progress' },
      beijing('2026-11-12T10:00:00'),
      time,
      {
        extensionDays: 30,
      },
    );

    const finish = recomputeEnteredYears(extended, known2027).case.timeLimits?.clocks.finish;

    // 10 November + 60 = Sat 9 January → Mon 11 January, guessed or known; 30 more days end on Wed 10 February (the
    // partial notice above has no Spring Festival).
    expect(finish).toMatchObject({
      dueDate: '2027-02-10',
      extendedDays: 30,
      policyId: 'petition-regulation',
      policyVersion: 1,
    });
  });

  it('leaves a case alone while its years are still unknown, and a finished case', () => {
    const flagged = accepted(hotline(), beijing('2026-12-24T10:00:00'));
    expect(recomputeEnteredYears(flagged, time)).toEqual({ case: flagged, entered: [], clocks: {} });
    const closed = { ...flagged, state: 'closed' as const };
    expect(recomputeEnteredYears(closed, known2027)).toEqual({ case: closed, entered: [], clocks: {} });
  });

  it('gives the clocks computed as if the year had been known (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.constantFrom(hotline(), letter()), (offset, item) => {
        const at = beijing(`${addDays('2026-11-01', offset)}T10:00:00`);
        const guessed = accepted(item, at);
        const known = acceptedUnder(item, at, known2027);

        const recomputed = recomputeEnteredYears(guessed, known2027).case;

        expect(recomputed.timeLimits).toEqual(known.timeLimits);
        expect(recomputed.calendarMissingYears).toEqual(known.calendarMissingYears);
      }),
    );
  });
});

describe('the policy and version each clock records', () => {
  const version2 = {
    ...initialPolicySet,
    version: 2,
    policies: initialPolicySet.policies.map((policy) =>
      policy.id === 'petition-regulation'
        ? { ...policy, steps: { ...policy.steps, finish: { ...policy.steps.finish, amount: 30 } } }
        : policy,
    ),
  };
  const withVersion2: TimeContext = { ...time, policySet: version2, earlierPolicySets: [initialPolicySet] };

  it('starts a later clock of a case registered under version 1 by version 1, and says so', () => {
    const registered = applyTimeLimits(undefined, letter(), beijing('2026-09-01T09:00:00'), time);
    const acceptedLater = applyTimeLimits(
      registered,
      { ...registered, state: 'accepted' },
      beijing('2026-09-01T10:00:00'),
      withVersion2,
    );

    expect(acceptedLater.timeLimits?.clocks.finish).toMatchObject({
      dueDate: '2026-11-02',
      policyId: 'petition-regulation',
      policyVersion: 1,
    });
    expect(acceptedLater.timeLimits?.clocks.accept).toMatchObject({
      policyId: 'petition-regulation',
      policyVersion: 1,
    });
  });

  it('names the policy that truly computed a clock when the recorded one is not in its version', () => {
    const registered = applyTimeLimits(undefined, letter(), beijing('2026-09-01T09:00:00'), time);
    const renamed = { ...registered, timeLimits: { ...(registered.timeLimits as CaseTimeLimits), policyId: 'gone' } };

    const acceptedLater = applyTimeLimits(
      renamed,
      { ...renamed, state: 'accepted' },
      beijing('2026-09-01T10:00:00'),
      time,
    );

    expect(acceptedLater.timeLimits?.policyId).toBe('gone');
    expect(acceptedLater.timeLimits?.clocks.finish).toMatchObject({
      policyId: 'petition-regulation',
      policyVersion: 1,
    });
  });
});
