import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CellStatus,
  cellStatus,
  defaultReportingPolicy,
  dueDateOf,
  filedLate,
  type ReportWeek,
  reportStatusOf,
  reportWeek,
  reportWeeks,
} from '#campaigns/domain/reporting.ts';
import { isoWeekday, isoWeekOf, mondayOf, mondayOfWeek, parseWeek, weeksBetween } from '#campaigns/domain/weeks.ts';
import { buildCalendar } from '#deadlines/domain/calendar.ts';
import { libraryCalendarData } from '#deadlines/domain/holiday-library.ts';
import { addDays } from '#platform/domain/time.ts';

const calendar = buildCalendar({
  library: libraryCalendarData([2014, 2015, 2025, 2026]),
  overrides: { years: [], days: [] },
});
/** Seed 003's campaign: 15 April to 30 June 2014. */
const seedPeriod = { from: '2014-04-15', to: '2014-06-30' };

const week = (label: string): ReportWeek => {
  const found = reportWeek(label, defaultReportingPolicy, calendar);
  if (!found) throw new Error(`no week ${label}`);
  return found;
};

describe('ISO weeks', () => {
  it('names a date’s week by the year of its Thursday', () => {
    expect(isoWeekOf('2014-04-28')).toBe('2014-W18');
    expect(isoWeekOf('2014-05-04')).toBe('2014-W18');
    expect(isoWeekOf('2014-12-29')).toBe('2015-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(mondayOfWeek('2015-W01')).toBe('2014-12-29');
    expect(mondayOfWeek('2014-W53')).toBeUndefined();
  });

  it('takes a week as an ISO week or as its Monday’s date, and nothing else', () => {
    expect(parseWeek('2014-W18')).toEqual({ week: '2014-W18' });
    expect(parseWeek('2014-04-28')).toEqual({ week: '2014-W18' });
    expect(parseWeek('2014-04-29')).toEqual({ problem: expect.stringContaining('周一') });
    expect(parseWeek('2014-W60')).toEqual({ problem: '2014 年没有第 60 周' });
    expect(parseWeek('下周')).toEqual({ problem: expect.stringContaining('2014-W18') });
  });

  it('goes from any date to its week’s Monday and back (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), (offset) => {
        const date = addDays('2004-01-01', offset);
        const monday = mondayOf(date);
        expect(isoWeekday(monday)).toBe(1);
        expect(mondayOfWeek(isoWeekOf(date))).toBe(monday);
        expect(weeksBetween(date, date)).toEqual([isoWeekOf(date)]);
      }),
    );
  });
});

describe('the weeks a campaign reports on', () => {
  it('are those whose report falls due within the campaign: seed 003’s 11 weeks', () => {
    const weeks = reportWeeks(seedPeriod, defaultReportingPolicy, calendar);

    expect(weeks.map((each) => each.week)).toEqual(
      Array.from({ length: 11 }, (_, index) => `2014-W${String(16 + index).padStart(2, '0')}`),
    );
    expect(weeks[0]).toEqual({ week: '2014-W16', monday: '2014-04-14', dueDate: '2014-04-18', redFrom: '2014-04-23' });
  });

  it('move a due Friday that is a holiday to the next working day (May Day 2014: the make-up Sunday)', () => {
    expect(week('2014-W18')).toMatchObject({ dueDate: '2014-05-04', redFrom: '2014-05-07' });
    expect(dueDateOf('2014-09-29', defaultReportingPolicy, calendar)).toBe('2014-10-08');
  });

  it('put every due day on a working day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 7 }), (offset, dueWeekday) => {
        const monday = addDays('2025-01-06', offset * 7);
        const due = dueDateOf(monday, { dueWeekday, redAfterWorkingDays: 2 }, calendar);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(due >= addDays(monday, dueWeekday - 1)).toBe(true);
      }),
    );
  });
});

describe('a week’s report status', () => {
  const w17 = week('2014-W17');
  const status = (today: string, extra: { filedOn?: string; finishedOn?: string } = {}) =>
    cellStatus({ week: w17, today, startedOn: '2014-04-21', ...extra });

  it('is not due until its due day has ended, yellow after it, red once 2 more working days have ended', () => {
    expect(w17).toMatchObject({ dueDate: '2014-04-25', redFrom: '2014-04-30' });
    expect(status('2014-04-25')).toBe('not-due');
    expect(status('2014-04-26')).toBe('missing-yellow');
    expect(status('2014-04-29')).toBe('missing-yellow');
    expect(status('2014-04-30')).toBe('missing-red');
  });

  it('is filed once a note is there, late or not', () => {
    expect(status('2014-05-02', { filedOn: '2014-04-30' })).toBe('filed');
    expect(filedLate(w17, '2014-04-25')).toBe(false);
    expect(filedLate(w17, '2014-04-30')).toBe(true);
  });

  it('is not asked before the task existed or once it is finished', () => {
    expect(cellStatus({ week: week('2014-W16'), today: '2014-05-30', startedOn: '2014-04-21' })).toBe('not-required');
    expect(status('2014-05-30', { finishedOn: '2014-04-24' })).toBe('not-required');
    expect(status('2014-05-30', { finishedOn: '2014-04-28' })).toBe('missing-red');
  });

  it('only ever goes not due → yellow → red as the days pass (property)', () => {
    const order: readonly CellStatus[] = ['not-due', 'missing-yellow', 'missing-red'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 10 }),
        (offset, dueWeekday, redAfterWorkingDays) => {
          const monday = addDays('2025-01-06', offset * 7);
          const each = reportWeek(isoWeekOf(monday), { dueWeekday, redAfterWorkingDays }, calendar) as ReportWeek;
          const statuses = Array.from({ length: 40 }, (_, day) =>
            cellStatus({ week: each, today: addDays(monday, day), startedOn: monday }),
          );
          const ranks = statuses.map((each) => order.indexOf(each));
          expect(ranks.every((rank, index) => rank >= 0 && rank >= (ranks[index - 1] ?? 0))).toBe(true);
          expect(statuses.at(-1)).toBe('missing-red');
        },
      ),
    );
  });

  it('makes a task red or yellow by its worst week', () => {
    expect(reportStatusOf(['filed', 'missing-yellow', 'missing-red'])).toBe('red');
    expect(reportStatusOf(['filed', 'missing-yellow', 'not-due'])).toBe('yellow');
    expect(reportStatusOf(['filed', 'not-due'])).toBe('up-to-date');
    expect(reportStatusOf(['not-required', 'not-due'])).toBe('nothing-due');
  });
});
