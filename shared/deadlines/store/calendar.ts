/**
 * The working calendar as administrators enter it (a new year's State Council notice, corrections to the library), in
 * the main table. The library's own data is code (`#deadlines/domain/holiday-library.ts`), not stored.
 *
 * Keys (access pattern → key):
 * - a year's admin days, read when building a calendar → pk `CALENDAR#<year>`, sk `YEAR`: the year's whole list of
 *   special days in one item (a year has about 40), so replacing a year is a single atomic put and reading it one get
 * - the years admins entered, for the admin page and reports → the same item, gsi1pk `CALENDAR`, gsi1sk `YEAR#<year>`
 * - who changed a year when, and to what → an append-only revision per put: pk `CALENDAR#<year>`,
 *   sk `REVISION#<enteredAt>#<enteredBy>`, written in the same transaction as the year (never updated)
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarData, CalendarDay } from '#deadlines/domain/calendar.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

/** A year as admins entered it. */
export interface CalendarYearEntry {
  readonly year: number;
  readonly days: readonly CalendarDay[];
  readonly enteredBy: string;
  /** ISO instant. */
  readonly enteredAt: string;
}

export type CalendarYearSummary = Omit<CalendarYearEntry, 'days'> & { readonly dayCount: number };

const yearKey = (year: number) => ({ pk: `CALENDAR#${year}`, sk: 'YEAR' });

const toEntry = (item: Record<string, unknown>): CalendarYearEntry => ({
  year: item.year as number,
  days: item.days as CalendarDay[],
  enteredBy: item.enteredBy as string,
  enteredAt: item.enteredAt as string,
});

/** Only the fields a CalendarDay has (a request may carry no others, but the store must not rely on that). */
const storedDay = ({ date, kind, name }: CalendarDay): CalendarDay => (name ? { date, kind, name } : { date, kind });

/**
 * Replaces the admin days of `year` with `days` and marks the year as entered (from now on it has calendar data), with
 * a revision recording who did it — in one transaction. Returns the stored year.
 */
export const putCalendarYear = async (
  year: number,
  days: readonly CalendarDay[],
  enteredBy: string,
  enteredAt: Date = new Date(),
): Promise<CalendarYearEntry> => {
  const table = tableName('main');
  const entry: CalendarYearEntry = {
    year,
    days: [...days].map(storedDay).sort((a, b) => a.date.localeCompare(b.date)),
    enteredBy,
    enteredAt: enteredAt.toISOString(),
  };
  const write = new TransactWriteCommand({
    TransactItems: [
      {
        Put: {
          TableName: table,
          Item: { ...yearKey(year), type: 'calendar-year', gsi1pk: 'CALENDAR', gsi1sk: `YEAR#${year}`, ...entry },
        },
      },
      {
        Put: {
          TableName: table,
          Item: {
            pk: `CALENDAR#${year}`,
            sk: `REVISION#${entry.enteredAt}#${enteredBy}`,
            type: 'calendar-revision',
            ...entry,
          },
        },
      },
    ],
  });
  await translateSdkErrors(`保存 ${year} 年工作日历`, () => dynamo().send(write));
  return entry;
};

/** The admin days of those of `years` that admins entered, in the shape `buildCalendar` takes as overrides. */
export const getCalendarOverrides = async (years: readonly number[]): Promise<CalendarData> => {
  const table = tableName('main');
  const items = await Promise.all(
    [...new Set(years)].map(async (year) => {
      const { Item } = await translateSdkErrors(`读取 ${year} 年工作日历`, () =>
        dynamo().send(new GetCommand({ TableName: table, Key: yearKey(year), ConsistentRead: true })),
      );
      return Item ? toEntry(Item) : undefined;
    }),
  );
  const entries = items.filter((entry) => entry !== undefined).sort((a, b) => a.year - b.year);
  return { years: entries.map((entry) => entry.year), days: entries.flatMap((entry) => entry.days) };
};

/** Every year admins entered, oldest first. */
export const listCalendarYears = async (): Promise<CalendarYearSummary[]> => {
  const items = await translateSdkErrors('读取已录入工作日历的年份', () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :calendar and begins_with(gsi1sk, :year)',
      ExpressionAttributeValues: { ':calendar': 'CALENDAR', ':year': 'YEAR#' },
    }),
  );
  return items.map((item) => {
    const { days, ...rest } = toEntry(item);
    return { ...rest, dayCount: days.length };
  });
};
