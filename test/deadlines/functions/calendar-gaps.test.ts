import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import { setNow } from '#platform/clock.ts';
import { apiClient, demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws, storedEmails } from '../../support/local-aws.ts';
import { drainNotices } from '../../support/notices.ts';
import { beijing } from '../../support/time.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
let sendNotice: unknown;

const read = async (id: string) => bodyOf<CaseView>(await api.read(id, demo.dispatcher));
/** The 【日历缺失】 emails about case `number`: recipient and the years the body names. */
const gapEmails = async (number: string) =>
  (await storedEmails(aws.sesEndpoint))
    .filter((email) => email.subject.startsWith(`【日历缺失】${number}`))
    .map((email) => `${email.destination.to[0]} ${/缺少节假日数据的年份：(.*)/.exec(email.body.text ?? '')?.[1]}`);

/** A letter received (and registered) at `local`, Beijing time. */
const letterAt = async (local: string) => {
  setNow(beijing(local));
  return api.submit(aComplaint({ channel: 'letter', receivedAt: `${local}+08:00` }));
};

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: sendNotice } = await import('../../../functions/notices/send-notice.ts'));
});
afterAll(async () => {
  setNow(null);
  await aws.stop();
});

describe('reminder and supervision days in a year without calendar data', () => {
  it('flags a letter registered on 10 December 2026 and left unaccepted: its 督办 day falls in 2027', async () => {
    const created = await letterAt('2026-12-10T09:00:00');

    const accept = created.timeLimits?.clocks.accept;
    // Due Fri 25 Dec; 催办 Mon 28 Dec; 督办 five working days later, counted across 1 January 2027 unseen.
    expect(accept).toMatchObject({ dueDate: '2026-12-25', missingCalendarYears: [2027] });
    expect(accept?.supervisionAt).toBe(beijing('2027-01-04T00:00:00').toISOString());
    expect(created.calendarMissingYears).toEqual([2027]);
    expect((await read(created.id)).calendarMissingYears).toEqual([2027]);
  });
});

describe('the administrators hear of a missing year once per case and year', () => {
  it('once, when acceptance finds the gap and the registration email goes out after it', async () => {
    const created = await letterAt('2026-10-20T09:00:00');
    expect(created.calendarMissingYears).toBeUndefined();
    setNow(beijing('2026-11-10T10:00:00'));
    await api.act(created.id, 'accept', demo.dispatcher);
    await drainNotices(sendNotice);

    // 60 days from 10 November end on Sat 9 January 2027, a rest day only by the weekend guess.
    expect((await read(created.id)).calendarMissingYears).toEqual([2027]);
    expect(await gapEmails(created.number)).toEqual(['admin@greenline.local 2027']);
  });

  it('once, when registration and acceptance both need the missing year', async () => {
    const created = await letterAt('2026-12-10T09:00:00');
    setNow(beijing('2026-12-11T10:00:00'));
    await api.act(created.id, 'accept', demo.dispatcher);
    await drainNotices(sendNotice);
    await drainNotices(sendNotice);

    const found = await read(created.id);
    expect(found.timeLimits?.clocks.finish?.missingCalendarYears).toEqual([2027]);
    expect(await gapEmails(created.number)).toEqual(['admin@greenline.local 2027']);
  });
});
