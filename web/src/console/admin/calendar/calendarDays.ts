/** A year's special days (`GET /v1/admin/calendar/{year}`) as runs of consecutive dates, and back. */
import dayjs from 'dayjs';
import type { paths } from '../../../api/schema.gen.ts';

export type CalendarYear = paths['/v1/admin/calendar/{year}']['get']['responses']['200']['content']['application/json'];
export type CalendarDay = CalendarYear['days'][number];

export interface DayRun {
  readonly from: string;
  readonly to: string;
  readonly kind: CalendarDay['kind'];
  readonly name?: string;
  readonly count: number;
}

/** Consecutive dates of the same kind and name, as one run (`国庆节 10-01 … 10-07`). */
export const runsOf = (days: readonly CalendarDay[]): DayRun[] => {
  const runs: DayRun[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    if (
      last &&
      last.kind === day.kind &&
      (last.name ?? '') === (day.name ?? '') &&
      dayjs(last.to).add(1, 'day').format('YYYY-MM-DD') === day.date
    ) {
      runs[runs.length - 1] = { ...last, to: day.date, count: last.count + 1 };
    } else {
      runs.push({ from: day.date, to: day.date, kind: day.kind, name: day.name, count: 1 });
    }
  }
  return runs;
};

/** Every date of a run, `YYYY-MM-DD`. */
export const datesOf = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let date = dayjs(from); !date.isAfter(dayjs(to), 'day') && dates.length < 366; date = date.add(1, 'day')) {
    dates.push(date.format('YYYY-MM-DD'));
  }
  return dates;
};
