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
/** A hotline work order accepted on Thu 24 December 2026: its 13 working days run into 2027. */
let caseId: string;
/** A letter registered the same day (15 days: into 2027), not accepted after its gap was noted. */
let rejectedId: string;

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
const read = async (id = caseId) => bodyOf<CaseView>(await api.read(id, demo.dispatcher));
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

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: sweep } = await import('../../../functions/deadlines/sweep-deadlines.ts'));
  ({ handler: putCalendarYear } = await import('../../../functions/deadlines/put-calendar-year.ts'));

  setNow(beijing('2026-12-24T10:00:00'));
  caseId = (await api.submit(aComplaint({ channel: 'hotline' }))).id;
  await api.act(caseId, 'accept', demo.dispatcher);
  rejectedId = (await api.submit(aComplaint({ channel: 'letter', place: { address: '城北路 1 号' } }))).id;
});
afterAll(async () => {
  setNow(null);
  await aws.stop();
});

describe('entering a missing year recomputes the cases flagged for it', () => {
  it('flags the work order, whose deadline counts 1 January 2027 as a working day', async () => {
    const found = await read();

    expect(found.calendarMissingYears).toEqual([2027]);
    expect(found.timeLimits?.clocks.finish).toMatchObject({ dueDate: '2027-01-12', missingCalendarYears: [2027] });
  });

  it('reads flagged cases that are not due once, to note their gap, and not again on later nights', async () => {
    expect((await nightly('2026-12-25T01:00:00')).read).toBe(2);
    expect((await nightly('2026-12-25T01:00:00')).read).toBe(0);
    expect((await nightly('2026-12-26T01:00:00')).read).toBe(0);
  });

  it('recomputes its clocks from the same starts at the next nightly check once 2027 is entered, and unflags it', async () => {
    const before = await read();
    setNow(beijing('2026-12-26T10:00:00'));
    const rejected = await api.act(rejectedId, 'reject', demo.dispatcher, { reason: '不属于生态环境部门职责范围。' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((await enter2027()).statusCode).toBe(200);

    const report = await nightly('2026-12-27T01:00:00');

    // The rejected case is read too, and only leaves the list: its deadlines were judged as they were.
    expect(report).toMatchObject({ read: 2, recomputed: 1 });
    expect((await read(rejectedId)).calendarMissingYears).toEqual([2027]);
    const found = await read();
    expect(found.calendarMissingYears).toBeUndefined();
    const { accept, finish } = found.timeLimits?.clocks ?? {};
    // 25, 28–31 December, then 4 … 8 and 11 … 13 January: the thirteenth working day is Wed 13 January.
    expect(finish).toMatchObject({ startedAt: before.timeLimits?.clocks.finish?.startedAt, dueDate: '2027-01-13' });
    expect(finish?.missingCalendarYears).toBeUndefined();
    // The acceptance clock's 督办 day (five working days after 催办 on Mon 28 December) skips the holiday too.
    expect(accept).toMatchObject({ startedAt: before.timeLimits?.clocks.accept?.startedAt, dueDate: '2026-12-25' });
    expect(accept?.supervisionAt).toBe(beijing('2027-01-05T00:00:00').toISOString());
    expect(accept?.missingCalendarYears).toBeUndefined();
    expect(found.history?.at(-1)).toMatchObject({
      actor: 'nightly-check',
      role: 'system',
      action: 'deadline-check',
      changes: {
        calendarEntered: [2027],
        deadlinesRecomputed: {
          accept: { from: '2026-12-25', to: '2026-12-25' },
          finish: { from: '2027-01-12', to: '2027-01-13' },
        },
        calendarMissingYears: { from: [2027], to: [] },
      },
    });
  });

  it('reads neither of them again', async () => {
    expect(await nightly('2026-12-28T01:00:00')).toMatchObject({ read: 0, recomputed: 0 });
  });
});
