/**
 * Calendar gaps: the open cases whose deadlines were computed across a year without calendar data, by year — so that
 * once the year has data (an administrator entered the State Council notice, or the holiday library gained it) the
 * nightly check reads exactly the cases to recompute, not every open case.
 *
 * Keys (access pattern → key), under the case's own partition so they go with it:
 * - open cases flagged for a year → pk `CASE#<id>`, sk `CALGAP#<year>`, gsi1pk `CALGAP#<year>`, gsi1sk `<case id>`;
 *   written by the nightly check in the case's own transaction, on its first run after the case was flagged (the
 *   transition that flags a case asks for that run: `nextCheckAt` = the epoch); for a case flagged before this index
 *   existed, when an administrator enters the year (`listCasesUnderCalendarGap`)
 * - a gap resolved (the case recomputed, or finished) → the same item put again without its index keys, so it leaves
 *   the index, expiring (TTL `expiresAt`) after 30 days
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

const gapKey = (caseId: string, year: number) => ({ pk: `CASE#${caseId}`, sk: `CALGAP#${year}` });
const gapPartition = (year: number) => `CALGAP#${year}`;

/** How long a resolved gap is kept (for whoever looks at the case's items), in seconds. */
const resolvedLifetimeSeconds = 30 * 24 * 3600;

/** The transaction item that lists `caseId` under `year` (idempotent: the same item each time). */
export const calendarGapPut = (caseId: string, year: number) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      ...gapKey(caseId, year),
      type: 'calendar-gap',
      caseId,
      year,
      gsi1pk: gapPartition(year),
      gsi1sk: caseId,
    },
  },
});

/** The transaction item that takes `caseId` off the list of `year`. */
export const calendarGapResolvedPut = (caseId: string, year: number, resolvedAt: Date) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      ...gapKey(caseId, year),
      type: 'calendar-gap',
      caseId,
      year,
      resolvedAt: resolvedAt.toISOString(),
      expiresAt: Math.floor(resolvedAt.getTime() / 1000) + resolvedLifetimeSeconds,
    },
  },
});

/** Takes `caseId` off the lists of `years`, outside any transaction (a finished case, which is not written). */
export const resolveCalendarGaps = async (
  caseId: string,
  years: readonly number[],
  resolvedAt: Date,
): Promise<void> => {
  await Promise.all(
    years.map((year) =>
      translateSdkErrors(`更新事项 ${caseId} 的日历缺失记录`, () =>
        dynamo().send(new PutCommand(calendarGapResolvedPut(caseId, year, resolvedAt).Put)),
      ),
    ),
  );
};

/** The ids of the cases listed under `year`. */
export const listCasesWithCalendarGap = async (year: number): Promise<string[]> => {
  const items = await translateSdkErrors(`读取缺少 ${year} 年日历的事项`, () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :gap',
      ExpressionAttributeValues: { ':gap': gapPartition(year) },
    }),
  );
  return items.map((item) => item.caseId as string);
};

/** How many puts `listCasesUnderCalendarGap` has in flight at once. */
const listingConcurrency = 8;

/**
 * Lists `caseIds` under `year` outside any transaction, so that the next nightly check reads them: for cases flagged
 * before this index existed, which carry no entry. Idempotent (the same item as `calendarGapPut`); a case that is no
 * longer flagged when the check reads it only leaves the list again.
 */
export const listCasesUnderCalendarGap = async (caseIds: readonly string[], year: number): Promise<void> => {
  for (let start = 0; start < caseIds.length; start += listingConcurrency) {
    await Promise.all(
      caseIds
        .slice(start, start + listingConcurrency)
        .map((caseId) =>
          translateSdkErrors(`登记事项 ${caseId} 缺少 ${year} 年日历`, () =>
            dynamo().send(new PutCommand(calendarGapPut(caseId, year).Put)),
          ),
        ),
    );
  }
};
