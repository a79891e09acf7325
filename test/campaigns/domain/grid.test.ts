import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignGrid, recountTallies, type WeekReport, weekFigures } from '#campaigns/domain/grid.ts';
import { defaultReportingPolicy, reportWeeks } from '#campaigns/domain/reporting.ts';
import { buildCalendar } from '#deadlines/domain/calendar.ts';
import { libraryCalendarData } from '#deadlines/domain/holiday-library.ts';

const calendar = buildCalendar({ library: libraryCalendarData([2014]), overrides: { years: [], days: [] } });
/** Weeks 2014-W17 to W19: due 25 April, 4 May (the May Day make-up Sunday) and 9 May. */
const weeks = reportWeeks({ from: '2014-04-21', to: '2014-05-11' }, defaultReportingPolicy, calendar);

const aReport = (week: string, taskNumber: number, filedOn: string, late = false): WeekReport => ({
  week,
  taskNumber,
  filedAt: `${filedOn}T02:00:00.000Z`,
  filedOn,
  filedBy: 'xuefeng',
  late,
  notes: 1,
});

const tasks = [
  { number: 1, startedOn: '2014-04-21' },
  { number: 2, startedOn: '2014-04-21' },
  { number: 3, startedOn: '2014-04-21', finishedOn: '2014-04-30' },
];

describe('the tasks × weeks grid', () => {
  it('shows each task’s week filed, missing (yellow, then red), not yet due or not required', () => {
    const grid = campaignGrid({
      tasks,
      weeks,
      reports: [aReport('2014-W17', 1, '2014-04-25'), aReport('2014-W18', 1, '2014-05-05', true)],
      today: '2014-05-06',
    });

    expect(weeks.map((week) => week.dueDate)).toEqual(['2014-04-25', '2014-05-04', '2014-05-09']);
    expect(grid.map((row) => row.cells.map((cell) => cell.status))).toEqual([
      ['filed', 'filed', 'not-due'],
      ['missing-red', 'missing-yellow', 'not-due'],
      ['missing-red', 'not-required', 'not-required'],
    ]);
    expect(grid.map((row) => row.reportStatus)).toEqual(['up-to-date', 'red', 'red']);
    expect(grid[0]?.cells[1]).toEqual({
      week: '2014-W18',
      status: 'filed',
      filedAt: '2014-05-05T02:00:00.000Z',
      late: true,
      notes: 1,
    });
  });

  it('counts each week: filed from the tallies, missing and not due from the grid', () => {
    const reports = [aReport('2014-W17', 1, '2014-04-25'), aReport('2014-W18', 1, '2014-05-05', true)];
    const grid = campaignGrid({ tasks, weeks, reports, today: '2014-05-06' });

    expect(weekFigures(weeks, grid, recountTallies(reports))).toEqual([
      {
        week: '2014-W17',
        dueDate: '2014-04-25',
        required: 3,
        filed: 1,
        filedLate: 0,
        missingYellow: 0,
        missingRed: 2,
        notDue: 0,
      },
      {
        week: '2014-W18',
        dueDate: '2014-05-04',
        required: 2,
        filed: 1,
        filedLate: 1,
        missingYellow: 1,
        missingRed: 0,
        notDue: 0,
      },
      {
        week: '2014-W19',
        dueDate: '2014-05-09',
        required: 2,
        filed: 0,
        filedLate: 0,
        missingYellow: 0,
        missingRed: 0,
        notDue: 2,
      },
    ]);
  });

  it('has as many filed cells in a week as the week’s tally counts (property)', () => {
    const report = fc.record({
      week: fc.constantFrom(...weeks.map((week) => week.week)),
      taskNumber: fc.constantFrom(1, 2, 3),
      day: fc.integer({ min: 21, max: 30 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(report, { selector: (each) => `${each.week}#${each.taskNumber}` }), (filed) => {
        const reports = filed.map((each) => aReport(each.week, each.taskNumber, `2014-04-${each.day}`, each.day > 25));
        const grid = campaignGrid({ tasks, weeks, reports, today: '2014-05-20' });
        const figures = weekFigures(weeks, grid, recountTallies(reports));
        weeks.forEach((week, index) => {
          const cells = grid.filter((row) => row.cells[index]?.status === 'filed').length;
          expect(figures[index]?.filed, week.week).toBe(cells);
        });
      }),
    );
  });
});
