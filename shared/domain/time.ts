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

/** The calendar date in Asia/Shanghai, as `YYYY-MM-DD`. */
export const bureauDate = (instant: Date): string => dateFormat.format(instant);

export const bureauYear = (instant: Date): number => Number(bureauDate(instant).slice(0, 4));

/** A human label such as `2026/11/24 09:30` in Beijing time, for emails and pages. */
export const bureauDateTimeLabel = (instant: Date): string => dateTimeFormat.format(instant);
