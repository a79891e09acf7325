/**
 * The campaign page's tasks × weeks grid of weekly reports, and the figures read off it: which week each task
 * reported, which are missing (yellow, then red), and per week how many were filed and are missing. Pure: the tasks,
 * the weeks, the reports filed, the weekly tallies and today are inputs.
 */

import { type CellStatus, cellStatus, type ReportStatus, type ReportWeek, reportStatusOf } from './reporting.ts';
import type { IsoWeek } from './weeks.ts';

/** The first report of a task for a week (later notes of that week add to `notes`). */
export interface WeekReport {
  readonly week: IsoWeek;
  readonly taskNumber: number;
  readonly filedAt: string;
  /** The bureau date it was first filed on. */
  readonly filedOn: string;
  readonly filedBy: string;
  readonly late: boolean;
  readonly notes: number;
}

/** The counters of a week, kept in the transactions that file its first reports. */
export interface WeekTally {
  readonly week: IsoWeek;
  readonly filed: number;
  readonly filedLate: number;
}

export interface GridCell {
  readonly week: IsoWeek;
  readonly status: CellStatus;
  readonly filedAt?: string;
  readonly late?: boolean;
  readonly notes?: number;
}

export interface GridRow {
  readonly taskNumber: number;
  readonly reportStatus: ReportStatus;
  readonly cells: readonly GridCell[];
}

/** What the grid needs of a task: its number, when it started and when (if) it was finished. */
export interface GridTask {
  readonly number: number;
  readonly startedOn: string;
  readonly finishedOn?: string;
}

const reportKey = (week: string, taskNumber: number) => `${week}#${taskNumber}`;

/** One row per task, one cell per week. */
export const campaignGrid = (input: {
  readonly tasks: readonly GridTask[];
  readonly weeks: readonly ReportWeek[];
  readonly reports: readonly WeekReport[];
  readonly today: string;
}): GridRow[] => {
  const reports = new Map(input.reports.map((report) => [reportKey(report.week, report.taskNumber), report]));
  return input.tasks.map((task) => {
    const cells = input.weeks.map((week): GridCell => {
      const report = reports.get(reportKey(week.week, task.number));
      const status = cellStatus({
        week,
        today: input.today,
        startedOn: task.startedOn,
        ...(task.finishedOn ? { finishedOn: task.finishedOn } : {}),
        ...(report ? { filedOn: report.filedOn } : {}),
      });
      return report
        ? { week: week.week, status, filedAt: report.filedAt, late: report.late, notes: report.notes }
        : { week: week.week, status };
    });
    return { taskNumber: task.number, reportStatus: reportStatusOf(cells.map((cell) => cell.status)), cells };
  });
};

/** A week's figures: reports asked for, filed (on time, late) and missing, and those not yet due. */
export interface WeekFigures {
  readonly week: IsoWeek;
  readonly dueDate: string;
  /**
   * Cells of the week that ask for a report: tasks created by its due day and not finished by then (a report filed for
   * a week not asked for counts too).
   */
  readonly required: number;
  /** First reports filed for the week, and of them after the due day: the week's counters. */
  readonly filed: number;
  readonly filedLate: number;
  readonly missingYellow: number;
  readonly missingRed: number;
  readonly notDue: number;
}

/**
 * The figures of each week: `filed` and `filedLate` from the week's counters (kept in the transaction of each first
 * report, so they equal a count of the grid's filed cells); what is missing or not yet due from the grid, since it
 * depends on the day it is read.
 */
export const weekFigures = (
  weeks: readonly ReportWeek[],
  grid: readonly GridRow[],
  tallies: readonly WeekTally[],
): WeekFigures[] =>
  weeks.map((week, index) => {
    const statuses = grid.map((row) => row.cells[index]?.status);
    const count = (status: CellStatus) => statuses.filter((each) => each === status).length;
    const tally = tallies.find((each) => each.week === week.week);
    return {
      week: week.week,
      dueDate: week.dueDate,
      required: statuses.filter((status) => status !== undefined && status !== 'not-required').length,
      filed: tally?.filed ?? 0,
      filedLate: tally?.filedLate ?? 0,
      missingYellow: count('missing-yellow'),
      missingRed: count('missing-red'),
      notDue: count('not-due'),
    };
  });

/** The week tallies recounted from the reports themselves, for reconciliation (they must equal the counters). */
export const recountTallies = (reports: readonly WeekReport[]): WeekTally[] => {
  const tallies = new Map<IsoWeek, { filed: number; filedLate: number }>();
  for (const report of reports) {
    const tally = tallies.get(report.week) ?? { filed: 0, filedLate: 0 };
    tallies.set(report.week, { filed: tally.filed + 1, filedLate: tally.filedLate + (report.late ? 1 : 0) });
  }
  return [...tallies].map(([week, tally]) => ({ week, ...tally })).sort((a, b) => a.week.localeCompare(b.week));
};
