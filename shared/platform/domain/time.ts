/** Days, deadlines and schedules are computed in the bureau's time zone; instants are stored in UTC. */
export const bureauTimeZone = 'Asia/Shanghai';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: bureauTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: bureauTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/**
 * The calendar date in Asia/Shanghai, as `YYYY-MM-DD`. Total: the year is padded to four digits (Intl writes year 999
 * as `999`), so any valid instant gives a date the rest of the code can read back.
 */
export const bureauDate = (instant: Date): string => {
  const parts = Object.fromEntries(dateFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${String(parts.year).padStart(4, '0')}-${parts.month}-${parts.day}`;
};

export const bureauYear = (instant: Date): number => Number(bureauDate(instant).slice(0, 4));

/** A human label such as `2026/11/24 09:30` in Beijing time, for emails and pages. */
export const bureauDateTimeLabel = (instant: Date): string => dateTimeFormat.format(instant);

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** Milliseconds of UTC midnight of a calendar date `YYYY-MM-DD`; throws on anything else (`2026-02-30` included). */
const utcMidnight = (date: string): number => {
  const match = isoDatePattern.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return ms;
};

/**
 * A calendar date `YYYY-MM-DD` moved by `days` (negative moves back). Pure date arithmetic: a civil date has no time
 * zone, so this is the same in Asia/Shanghai as anywhere.
 *
 * @example addDays('2026-09-25', 60) // '2026-11-24'
 */
export const addDays = (date: string, days: number): string =>
  new Date(utcMidnight(date) + days * dayMs).toISOString().slice(0, 10);

/** Whether `value` is a real calendar date `YYYY-MM-DD`. */
export const isCalendarDate = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    utcMidnight(value);
    return true;
  } catch {
    return false;
  }
};

/** Day of the week of a calendar date `YYYY-MM-DD`: 0 Sunday … 6 Saturday. */
export const weekday = (date: string): number => new Date(utcMidnight(date)).getUTCDay();

export const isWeekend = (date: string): boolean => {
  const day = weekday(date);
  return day === 0 || day === 6;
};

/** The year of a calendar date `YYYY-MM-DD`. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * The instant a bureau day ends: 24:00 Asia/Shanghai, i.e. 00:00 +08:00 of the next day (China keeps no summer time),
 * `2026-11-24` → `2026-11-24T16:00:00.000Z`.
 */
export const endOfBureauDay = (date: string): Date => startOfBureauDay(addDays(date, 1));

/** 00:00 of `YYYY-MM-DD` in Asia/Shanghai. */
export const startOfBureauDay = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

/** The last day of a period that ends at `dueAt` (24:00 of that day), as `YYYY-MM-DD` in Asia/Shanghai. */
export const lastDayOf = (dueAt: string): string => bureauDate(new Date(new Date(dueAt).getTime() - 1));
