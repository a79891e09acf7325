import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  type CalendarDay,
  type CalendarInput,
  calendarYear,
  calendarYearBodyFor,
  calendarYearSchema,
  workingDaysBetween,
} from '#deadlines/domain/calendar.ts';
import { libraryCalendarData, libraryYears } from '#deadlines/domain/holiday-library.ts';
import { addDays, endOfBureauDay, isCalendarDate, weekday } from '#platform/domain/time.ts';

const noOverrides = { years: [], days: [] } as const;

/** Every date from `from` to `to`, both included. */
const span = (from: string, to: string): string[] => {
  const dates = [from];
  while (dates.at(-1) !== to) dates.push(addDays(dates.at(-1) as string, 1));
  return dates;
};

const library2026 = libraryCalendarData([2026]);
const kindsOf = (days: readonly CalendarDay[], kind: CalendarDay['kind']) =>
  days.filter((day) => day.kind === kind).map((day) => day.date);

describe('date helpers', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2026-09-25', 60)).toBe('2026-11-24');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('knows the weekday of a date whatever the process time zone', () => {
    expect(weekday('2026-02-14')).toBe(6); // the notice: 2月14日（周六）上班
    expect(weekday('2026-09-20')).toBe(0); // 9月20日（周日）上班
    expect(weekday('2026-11-24')).toBe(2);
  });

  it('ends a bureau day at 24:00 Beijing time', () => {
    expect(endOfBureauDay('2026-11-24').toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => weekday('2026-9-1')).toThrow(RangeError);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
  });
});

describe('the holiday library', () => {
  it('knows 2026 and every year since 2004, and not 2027', () => {
    expect(libraryCalendarData([2025, 2026, 2027])).toMatchObject({ years: [2025, 2026] });
    expect(libraryCalendarData([2027])).toEqual({ years: [], days: [] });
    expect(libraryYears()).toEqual(Array.from({ length: 23 }, (_, index) => 2004 + index));
  });

  it('has the holidays of the 2026 State Council notice (published November 2025)', () => {
    const holidays = kindsOf(library2026.days, 'holiday');

    expect(holidays).toEqual([
      ...span('2026-01-01', '2026-01-03'), // 元旦
      ...span('2026-02-15', '2026-02-23'), // 春节
      ...span('2026-04-04', '2026-04-06'), // 清明节
      ...span('2026-05-01', '2026-05-05'), // 劳动节
      ...span('2026-06-19', '2026-06-21'), // 端午节
      ...span('2026-09-25', '2026-09-27'), // 中秋节
      ...span('2026-10-01', '2026-10-07'), // 国庆节
    ]);
    expect(library2026.days.find((day) => day.date === '2026-10-01')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
    });
  });

  it('has the make-up working days of the 2026 notice, all on weekends', () => {
    const makeup = kindsOf(library2026.days, 'makeup-workday');

    expect(makeup).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(makeup.map(weekday)).toEqual([0, 6, 6, 6, 0, 6]);
  });
});

describe('buildCalendar', () => {
  const calendar = buildCalendar({ library: library2026, overrides: noOverrides });

  it('classifies weekdays, weekends, holidays and make-up working days', () => {
    expect(calendar.dayKind('2026-11-24')).toBe('workday');
    expect(calendar.dayKind('2026-11-28')).toBe('weekend');
    expect(calendar.dayKind('2026-10-01')).toBe('holiday');
    expect(calendar.dayKind('2026-10-04')).toBe('holiday'); // a Sunday inside the National Day span
    expect(calendar.dayKind('2026-10-10')).toBe('makeup-workday');
  });

  it('says which days are worked', () => {
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-05')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('answers null for a year without data rather than guessing from weekends', () => {
    expect(calendar.hasYear(2027)).toBe(false);
    expect(calendar.dayKind('2027-03-01')).toBeNull();
    expect(calendar.isWorkingDay('2027-03-01')).toBeNull();
  });

  it('counts a year the admins entered as having data, and lets their days replace the library’s', () => {
    const withAdmin = buildCalendar({
      library: library2026,
      overrides: {
        years: [2027],
        days: [
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2026-11-23', kind: 'holiday', name: '更正' },
          { date: '2026-10-10', kind: 'holiday', name: '更正' },
        ],
      },
    });

    expect(withAdmin.hasYear(2027)).toBe(true);
    expect(withAdmin.dayKind('2027-01-01')).toBe('holiday');
    expect(withAdmin.dayKind('2027-01-04')).toBe('workday');
    expect(withAdmin.dayKind('2026-11-23')).toBe('holiday');
    expect(withAdmin.dayKind('2026-10-10')).toBe('holiday');
    expect(withAdmin.dayKind('2026-10-01')).toBe('holiday');
  });

  it('refuses a malformed date', () => {
    expect(() => calendar.dayKind('2026-10-32')).toThrow(RangeError);
  });
});

describe('calendarYear', () => {
  const input: CalendarInput = {
    library: libraryCalendarData([2026, 2027]),
    overrides: { years: [2027], days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] },
  };

  it('shows where each year comes from', () => {
    expect(calendarYear(input, 2026)).toMatchObject({ year: 2026, source: 'library', hasData: true });
    expect(calendarYear(input, 2026).days).toHaveLength(39);
    expect(calendarYear(input, 2027)).toEqual({
      year: 2027,
      source: 'admin',
      hasData: true,
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(calendarYear(input, 2028)).toEqual({ year: 2028, source: 'none', hasData: false, days: [] });
  });
});

describe('calendar year input', () => {
  const parse = (body: unknown) => calendarYearBodyFor(2027).safeParse(body);
  const pathsOf = (body: unknown) =>
    parse(body)
      .error?.issues.map((issue) => issue.path.join('.'))
      .sort();

  it('accepts the days of a notice', () => {
    const result = parse({
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'makeup-workday' },
      ],
    });

    expect(result.success).toBe(true);
  });

  it('names each bad field: dates outside the year, duplicates, unknown kinds, weekday make-up days', () => {
    expect(
      pathsOf({
        days: [
          { date: '2026-12-31', kind: 'holiday' },
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-02', kind: 'rest' },
          { date: '2027-01-05', kind: 'makeup-workday' },
          { date: '2027-02-30', kind: 'holiday' },
        ],
      }),
    ).toEqual(['days.0.date', 'days.2.date', 'days.3.kind', 'days.4.kind', 'days.5.date']);
    expect(pathsOf({ days: [] })).toEqual(['days']);
    expect(pathsOf({})).toEqual(['days']);
    expect(pathsOf({ days: [null, '2027-01-01'] })).toEqual(['days.0', 'days.1']);
    expect(pathsOf(null)).toEqual(['']);
  });

  it('takes a four-digit year from the path', () => {
    expect(calendarYearSchema.parse('2027')).toBe(2027);
    expect(calendarYearSchema.safeParse('27x').success).toBe(false);
    expect(calendarYearSchema.safeParse('1999').success).toBe(false);
  });
});

describe('working days between two dates (workingDaysBetween)', () => {
  const calendar = buildCalendar({ library: libraryCalendarData([2026]), overrides: noOverrides });

  it('counts the days after the first up to the last, skipping weekends', () => {
    expect(workingDaysBetween('2026-11-27', '2026-12-01', calendar)).toBe(2);
    expect(workingDaysBetween('2026-11-27', '2026-11-27', calendar)).toBe(0);
  });

  it('skips the statutory holidays of the calendar: the first week of October 2026 has none to count', () => {
    const holidays = kindsOf(library2026.days, 'holiday').filter((date) => date.startsWith('2026-10'));
    expect(holidays.length).toBeGreaterThan(0);
    const byWeekday = span('2026-10-01', '2026-10-07').filter((date) => ![0, 6].includes(weekday(date))).length;
    expect(workingDaysBetween('2026-09-30', '2026-10-07', calendar)).toBe(
      byWeekday -
        holidays.filter((date) => date <= '2026-10-07' && ![0, 6].includes(weekday(date))).length +
        kindsOf(library2026.days, 'makeup-workday').filter((date) => date >= '2026-10-01' && date <= '2026-10-07')
          .length,
    );
  });

  it('counts a year without calendar data by the weekday alone', () => {
    // Friday 7 March 2031 to Monday 10 March: Monday only
    expect(workingDaysBetween('2031-03-07', '2031-03-10', calendar)).toBe(1);
  });
});
