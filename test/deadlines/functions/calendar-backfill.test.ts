import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { CalendarDay } from '#deadlines/domain/calendar.ts';
import type { NightlyReport } from '#deadlines/services/nightly-check.ts';
import { setNow } from '#platform/clock.ts';
import { apiClient, demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
let sweep: unknown;
let putCalendarYear: unknown;
/** A hotline work order accepted on Thu 24 December 2026 (13 working days: into 2027), flagged before the gap index. */
let caseId: string;

const admin = aPrincipal('admin', 'city');
/** Part of the 2027 notice: New Year's Day holiday from Friday 1 to Sunday 3 January. */
const notice2027: CalendarDay[] = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦' },
];

const nightly = async (local: string) =>
  (await invoke(sweep, {
    schedule: 'nightly-check',
    scheduledTime: beijing(local).toISOString(),
  })) as unknown as NightlyReport;
const read = async () => bodyOf<CaseView>(await api.read(caseId, demo.dispatcher));
const enter2027 = () =>
  invoke(
    putCalendarYear,
    apiEvent({
      method: 'PUT',
      path: '/v1/admin/calendar/2027',
      routeKey: 'PUT /v1/admin/calendar/{year}',
      pathParameters: { year: '2027' },
      principal: admin,
      body: { days: notice2027 },
    }),
  );

/**
 * Stores the case as the app stored a flagged case before the calendar-gap index existed: flagged, its next check at
 * its next colour change (not "at the next run"), and no `CALGAP#<year>` item.
 */
const storeAsFlaggedBeforeTheGapIndex = async (id: string, at: Date) => {
  const { dynamo } = await import('#platform/dynamodb/client.ts');
  const { tableName } = await import('#platform/config.ts');
  const { getCase, toCaseItem } = await import('#cases/store/cases.ts');
  const { nextCheckAt } = await import('#deadlines/domain/deadlines.ts');
  const stored = await getCase(id);
  const next = nextCheckAt(stored, at);
  await dynamo().send(
    new PutCommand({
      TableName: tableName('main'),
      Item: toCaseItem({ ...stored, ...(next ? { nextCheckAt: next } : {}) }),
    }),
  );
  const { Items = [] } = await dynamo().send(
    new QueryCommand({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk and begins_with(sk, :gap)',
      ExpressionAttributeValues: { ':pk': `CASE#${id}`, ':gap': 'CALGAP#' },
    }),
  );
  return { nextCheckAt: next, gapItems: Items.length };
};

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: sweep } = await import('../../../functions/deadlines/sweep-deadlines.ts'));
  ({ handler: putCalendarYear } = await import('../../../functions/deadlines/put-calendar-year.ts'));

  setNow(beijing('2026-12-24T10:00:00'));
  caseId = (await api.submit(aComplaint({ channel: 'hotline' }))).id;
  await api.act(caseId, 'accept', demo.dispatcher);
});
afterAll(async () => {
  setNow(null);
  await aws.stop();
});

describe('entering a missing year recomputes the cases flagged for it before the calendar-gap index', () => {
  it('starts from a case flagged for 2027, not due before January and not listed under 2027', async () => {
    // Prepare / Act
    const stored = await storeAsFlaggedBeforeTheGapIndex(caseId, beijing('2026-12-24T10:00:00'));

    // Assess
    expect(stored).toEqual({ nextCheckAt: expect.stringMatching(/^2027-01-/), gapItems: 0 });
    expect((await read()).calendarMissingYears).toEqual([2027]);
    expect(await nightly('2026-12-25T01:00:00')).toMatchObject({ read: 0, recomputed: 0 });
  });

  it('recomputes and unflags it at the next nightly check once 2027 is entered', async () => {
    // Prepare
    setNow(beijing('2026-12-26T10:00:00'));
    expect((await enter2027()).statusCode).toBe(200);

    // Act
    const report = await nightly('2026-12-27T01:00:00');

    // Assess
    expect(report).toMatchObject({ read: 1, recomputed: 1 });
    const found = await read();
    expect(found.calendarMissingYears).toBeUndefined();
    // 25, 28–31 December, then 4 … 8 and 11 … 13 January: the thirteenth working day is Wed 13 January.
    expect(found.timeLimits?.clocks.finish).toMatchObject({ dueDate: '2027-01-13' });
    expect(found.timeLimits?.clocks.finish?.missingCalendarYears).toBeUndefined();
    expect(found.history?.at(-1)).toMatchObject({
      actor: 'nightly-check',
      changes: { calendarEntered: [2027], calendarMissingYears: { from: [2027], to: [] } },
    });
  });

  it('reads it no more', async () => {
    expect(await nightly('2026-12-28T01:00:00')).toMatchObject({ read: 0, recomputed: 0 });
  });
});
