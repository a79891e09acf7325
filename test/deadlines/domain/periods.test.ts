import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarDay, type WorkingCalendar } from '#deadlines/domain/calendar.ts';
import { libraryCalendarData } from '#deadlines/domain/holiday-library.ts';
import { calendarYearsNeeded, computeDeadline, type PeriodUnit, type PolicyStep } from '#deadlines/domain/periods.ts';
import { addDays, bureauDate } from '#platform/domain/time.ts';

const noOverrides = { years: [], days: [] } as const;
const official = buildCalendar({ library: libraryCalendarData([2025, 2026, 2027]), overrides: noOverrides });

/** Morning in Beijing of a date. */
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

const step = (amount: number, unit: PeriodUnit, overrides: Partial<PolicyStep> = {}): PolicyStep => ({
  amount,
  unit,
  startsNextDay: true,
  rollsOverHolidays: true,
  ...overrides,
});

describe('calendar-day periods (Civil Code: the first day is not counted)', () => {
  it('ends a complaint accepted on 2026-09-25 with 60 days on 2026-11-24, a Tuesday', () => {
    // 09-25 is not counted: 5 days to 09-30, 31 in October (36), 24 in November (60) → 11-24, a working day.
    const deadline = computeDeadline(at('2026-09-25'), step(60, 'calendar-days'), official);

    expect(deadline).toEqual({ dueDate: '2026-11-24', dueAt: '2026-11-24T16:00:00.000Z', missingCalendarYears: [] });
  });

  it('moves a last day inside the National Day holiday (10-01 … 10-07) to 2026-10-08', () => {
    // 08-02 + 60 days: 29 to 08-31, 30 in September (59), 10-01 (60) — a holiday; 10-08 is the first working day.
    expect(computeDeadline(at('2026-08-02'), step(60, 'calendar-days'), official).dueDate).toBe('2026-10-08');
    expect(
      computeDeadline(at('2026-08-02'), step(60, 'calendar-days', { rollsOverHolidays: false }), official).dueDate,
    ).toBe('2026-10-01');
  });

  it('moves a last day on a weekend rest day, but not one on a make-up working day', () => {
    // 2026-11-28 is a Saturday → Monday 11-30; 2026-10-10 is a Saturday worked in lieu of National Day.
    expect(computeDeadline(at('2026-11-13'), step(15, 'calendar-days'), official).dueDate).toBe('2026-11-30');
    expect(computeDeadline(at('2026-09-25'), step(15, 'calendar-days'), official).dueDate).toBe('2026-10-10');
  });

  it('counts the start day as day 1 when the step says so', () => {
    expect(
      computeDeadline(at('2026-11-02'), step(15, 'calendar-days', { startsNextDay: false }), official).dueDate,
    ).toBe('2026-11-16');
  });

  it('takes the start day in Beijing, not in UTC', () => {
    // 2026-09-24T16:30Z is 00:30 on 09-25 in Beijing.
    const deadline = computeDeadline(new Date('2026-09-24T16:30:00Z'), step(60, 'calendar-days'), official);

    expect(deadline.dueDate).toBe('2026-11-24');
  });
});

describe('working-day periods', () => {
  it('counts 13 working days across the 2026 Spring Festival to 2026-03-05', () => {
    // From Tuesday 02-10, not counted: 02-11 (1), 02-12 (2), 02-13 (3), Sat 02-14 make-up (4); 02-15 … 02-23
    // holiday; 02-24 (5), 02-25 (6), 02-26 (7), 02-27 (8), Sat 02-28 make-up (9); Sun 03-01 rest; 03-02 (10),
    // 03-03 (11), 03-04 (12), 03-05 (13).
    const deadline = computeDeadline(at('2026-02-10'), step(13, 'working-days'), official);

    expect(deadline).toEqual({ dueDate: '2026-03-05', dueAt: '2026-03-05T16:00:00.000Z', missingCalendarYears: [] });
  });

  it('signs for within 1 working day: an afternoon just before National Day ends on 10-08', () => {
    // Wed 09-30 → Thu 10-01 … 10-07 holiday → 10-08.
    expect(computeDeadline(at('2026-09-30', '17:00'), step(1, 'working-days'), official).dueDate).toBe('2026-10-08');
  });

  it('counts the start day when it is a working day and the step does not start next day', () => {
    const fromStart = step(3, 'working-days', { startsNextDay: false });

    expect(computeDeadline(at('2026-11-24'), fromStart, official).dueDate).toBe('2026-11-26');
    expect(computeDeadline(at('2026-11-28'), fromStart, official).dueDate).toBe('2026-12-02');
  });

  it('ends "same day" work the same day, or the next working day on a rest day', () => {
    const sameDay = step(0, 'working-days', { startsNextDay: false });

    expect(computeDeadline(at('2026-11-24', '09:00'), sameDay, official)).toMatchObject({
      dueDate: '2026-11-24',
      dueAt: '2026-11-24T16:00:00.000Z',
    });
    expect(computeDeadline(at('2026-10-03'), sameDay, official).dueDate).toBe('2026-10-08');
    expect(computeDeadline(at('2026-10-10'), sameDay, official).dueDate).toBe('2026-10-10');
  });

  it('flags a deadline in 2027, which has no calendar data, and still gives a weekends-only date', () => {
    // From Mon 2027-03-01, 13 weekdays: 03-02 … 03-05 (4), 03-08 … 03-12 (9), 03-15 … 03-18 (13).
    const deadline = computeDeadline(at('2027-03-01'), step(13, 'working-days'), official);

    expect(deadline).toEqual({
      dueDate: '2027-03-18',
      dueAt: '2027-03-18T16:00:00.000Z',
      missingCalendarYears: [2027],
    });
  });

  it('flags a period that only runs into 2027', () => {
    const deadline = computeDeadline(at('2026-12-24'), step(13, 'working-days'), official);

    expect(deadline.missingCalendarYears).toEqual([2027]);
    expect(deadline.dueDate).toBe('2027-01-12');
  });

  it('trusts 2027 once an admin has entered its notice', () => {
    const admin2027: CalendarDay[] = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'holiday', name: '元旦' },
      { date: '2027-01-03', kind: 'holiday', name: '元旦' },
    ];
    const calendar = buildCalendar({
      library: libraryCalendarData([2026, 2027]),
      overrides: { years: [2027], days: admin2027 },
    });

    expect(computeDeadline(at('2027-03-01'), step(13, 'working-days'), calendar)).toMatchObject({
      dueDate: '2027-03-18',
      missingCalendarYears: [],
    });
    expect(computeDeadline(at('2026-12-24'), step(13, 'working-days'), calendar)).toMatchObject({
      dueDate: '2027-01-13',
      missingCalendarYears: [],
    });
  });
});

describe('hour periods', () => {
  it('are exact and need no calendar', () => {
    const empty = buildCalendar({ library: noOverrides, overrides: noOverrides });
    const deadline = computeDeadline(new Date('2026-10-01T15:30:00Z'), step(2, 'hours'), empty);

    expect(deadline).toEqual({
      dueAt: '2026-10-01T17:30:00.000Z',
      dueDate: '2026-10-02',
      missingCalendarYears: [],
    });
  });
});

describe('amounts', () => {
  it('refuses negative or fractional day amounts', () => {
    expect(() => computeDeadline(at('2026-11-24'), step(-1, 'calendar-days'), official)).toThrow(RangeError);
    expect(() => computeDeadline(at('2026-11-24'), step(1.5, 'working-days'), official)).toThrow(RangeError);
    expect(computeDeadline(at('2026-11-24'), step(1.5, 'hours'), official).dueAt).toBe('2026-11-24T03:30:00.000Z');
  });

  it('refuses to search forever when a calendar has no working day at all', () => {
    const allHoliday = buildCalendar({
      library: noOverrides,
      overrides: {
        years: [2030, 2031],
        days: Array.from({ length: 730 }, (_, index) => ({ date: addDays('2030-01-01', index), kind: 'holiday' })),
      },
    });

    expect(() => computeDeadline(at('2030-01-01'), step(1, 'working-days'), allHoliday)).toThrow(RangeError);
  });

  it('names the years a computation may need', () => {
    expect(calendarYearsNeeded(at('2026-12-24'), step(13, 'working-days'))).toEqual([2026, 2027]);
    expect(calendarYearsNeeded(at('2026-03-01'), step(15, 'calendar-days'))).toEqual([2026]);
    expect(calendarYearsNeeded(at('2026-03-01'), step(2, 'hours'))).toEqual([]);
  });
});

describe('properties', () => {
  // Starts in 2025–2026, which the library covers; amounts small enough to stay inside 2026.
  const startArb = fc
    .integer({ min: 0, max: 365 + 180 })
    .chain((day) => fc.integer({ min: 0, max: 24 * 60 - 1 }).map((minute) => ({ day, minute })))
    .map(({ day, minute }) => new Date(Date.parse('2025-01-01T00:00:00+08:00') + day * 86_400_000 + minute * 60_000));
  const flagsArb = fc.record({ startsNextDay: fc.boolean(), rollsOverHolidays: fc.boolean() });

  /** Random special days over 2030–2031, both entered by "admins": any calendar, not only the official one. */
  const calendarArb = fc
    .array(
      fc.record({
        offset: fc.integer({ min: 0, max: 729 }),
        kind: fc.constantFrom<CalendarDay['kind']>('holiday', 'makeup-workday'),
      }),
      { maxLength: 120 },
    )
    .map((entries) =>
      buildCalendar({
        library: noOverrides,
        overrides: {
          years: [2030, 2031],
          days: entries.map(({ offset, kind }) => ({ date: addDays('2030-01-01', offset), kind })),
        },
      }),
    );
  const randomStartArb = fc.integer({ min: 0, max: 300 }).map((day) => at(addDays('2030-01-01', day)));

  const isRestDay = (calendar: WorkingCalendar, date: string) => calendar.isWorkingDay(date) === false;

  it('a working-day deadline never falls on a holiday or a weekend that is not a make-up day', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 60 }), flagsArb, (start, amount, flags) => {
        const { dueDate, missingCalendarYears } = computeDeadline(start, step(amount, 'working-days', flags), official);

        expect(missingCalendarYears).toEqual([]);
        expect(['workday', 'makeup-workday']).toContain(official.dayKind(dueDate));
      }),
    );
    fc.assert(
      fc.property(
        calendarArb,
        randomStartArb,
        fc.integer({ min: 0, max: 120 }),
        flagsArb,
        (calendar, start, amount, flags) => {
          const { dueDate } = computeDeadline(start, step(amount, 'working-days', flags), calendar);

          expect(isRestDay(calendar, dueDate)).toBe(false);
        },
      ),
    );
  });

  it('a calendar-day deadline that rolls over holidays never ends on a rest day', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 120 }), fc.boolean(), (start, amount, startsNextDay) => {
        const { dueDate } = computeDeadline(start, step(amount, 'calendar-days', { startsNextDay }), official);

        expect(official.isWorkingDay(dueDate)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(calendarArb, randomStartArb, fc.integer({ min: 0, max: 200 }), (calendar, start, amount) => {
        const { dueDate } = computeDeadline(start, step(amount, 'calendar-days'), calendar);

        expect(isRestDay(calendar, dueDate)).toBe(false);
      }),
    );
  });

  it('a calendar-day deadline ends on the last day of the period, or on the first working day after it', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 120 }), flagsArb, (start, amount, flags) => {
        const { dueDate } = computeDeadline(start, step(amount, 'calendar-days', flags), official);
        const last = addDays(bureauDate(start), flags.startsNextDay ? amount : amount - 1);

        if (!flags.rollsOverHolidays || official.isWorkingDay(last)) expect(dueDate).toBe(last);
        else {
          expect(dueDate > last).toBe(true);
          for (let day = last; day < dueDate; day = addDays(day, 1)) expect(official.isWorkingDay(day)).toBe(false);
        }
      }),
    );
  });

  it('deadlines are monotone in amount', () => {
    fc.assert(
      fc.property(
        calendarArb,
        randomStartArb,
        fc.constantFrom<PeriodUnit>('calendar-days', 'working-days', 'hours'),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        flagsArb,
        (calendar, start, unit, a, b, flags) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          const early = computeDeadline(start, step(less, unit, flags), calendar);
          const late = computeDeadline(start, step(more, unit, flags), calendar);

          expect(early.dueAt <= late.dueAt).toBe(true);
          expect(early.dueDate <= late.dueDate).toBe(true);
        },
      ),
    );
  });

  it('never computes a working-day deadline silently where the calendar lacks a year', () => {
    const only2026 = buildCalendar({ library: libraryCalendarData([2026]), overrides: noOverrides });
    const lateStartArb = fc.integer({ min: 0, max: 500 }).map((day) => at(addDays('2026-09-01', day)));

    fc.assert(
      fc.property(lateStartArb, fc.integer({ min: 0, max: 60 }), flagsArb, (start, amount, flags) => {
        const { dueDate, missingCalendarYears } = computeDeadline(start, step(amount, 'working-days', flags), only2026);

        const dueYear = Number(dueDate.slice(0, 4));
        if (!only2026.hasYear(dueYear)) expect(missingCalendarYears).toContain(dueYear);
        if (missingCalendarYears.length === 0) expect(only2026.isWorkingDay(dueDate)).toBe(true);
      }),
    );
  });

  it('an hours deadline is exactly the amount after the start', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 1000 }), (start, amount) => {
        const { dueAt, missingCalendarYears } = computeDeadline(start, step(amount, 'hours'), official);

        expect(Date.parse(dueAt) - start.getTime()).toBe(amount * 3_600_000);
        expect(missingCalendarYears).toEqual([]);
      }),
    );
  });
});
