import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deadlinesApi } from '#deadlines/api.ts';
import type { CalendarDay, CalendarYear } from '#deadlines/domain/calendar.ts';
import { computeDeadline } from '#deadlines/domain/periods.ts';
import type { FieldProblem } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let getCalendarYear: unknown;
let putCalendarYear: unknown;
let listCalendarYears: typeof import('#deadlines/store/calendar.ts').listCalendarYears;
let loadCalendar: typeof import('#deadlines/services/calendar.ts').loadCalendar;

const admin = aPrincipal('admin', 'city');
const supervisor = aPrincipal('supervisor', 'city');
const handlerRole = aPrincipal('handler', 'env-dept');

/** Part of the 2027 notice, as an admin would type it in (the real one is expected around November 2026). */
const notice2027: CalendarDay[] = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦' },
  { date: '2027-02-06', kind: 'makeup-workday', name: '春节' },
];

const path = (year: string) => `/v1/admin/calendar/${year}`;

const get = (year: string, principal: Principal) =>
  invoke(
    getCalendarYear,
    apiEvent({
      method: 'GET',
      path: path(year),
      routeKey: 'GET /v1/admin/calendar/{year}',
      pathParameters: { year },
      principal,
    }),
  );

const put = (year: string, body: unknown, principal: Principal) =>
  invoke(
    putCalendarYear,
    apiEvent({
      method: 'PUT',
      path: path(year),
      routeKey: 'PUT /v1/admin/calendar/{year}',
      pathParameters: { year },
      principal,
      body,
    }),
  );

/** The documented response schema, to check real answers against (zod's output side, naming every field). */
const validateYear = new Ajv2020({ strict: true, validateFormats: false }).compile(
  z.toJSONSchema(deadlinesApi.getCalendarYear.response.schema, { target: 'draft-2020-12', io: 'output' }),
);

beforeAll(async () => {
  aws = await startLocalAws();
  ({ handler: getCalendarYear } = await import('../../../functions/deadlines/get-calendar-year.ts'));
  ({ handler: putCalendarYear } = await import('../../../functions/deadlines/put-calendar-year.ts'));
  ({ listCalendarYears } = await import('#deadlines/store/calendar.ts'));
  ({ loadCalendar } = await import('#deadlines/services/calendar.ts'));
});
afterAll(() => aws.stop());

describe('GET /v1/admin/calendar/{year}', () => {
  it('shows 2026 from the holiday library, to admins and supervisors', async () => {
    for (const principal of [admin, supervisor]) {
      const response = await get('2026', principal);

      expect(response.statusCode, response.body).toBe(200);
      const year = bodyOf<CalendarYear>(response);
      expect(year).toMatchObject({ year: 2026, source: 'library', hasData: true });
      expect(year.days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
      expect(year.days).toContainEqual({ date: '2026-10-10', kind: 'makeup-workday', name: '国庆节' });
      expect(validateYear(year), JSON.stringify(validateYear.errors)).toBe(true);
    }
  });

  it('says 2027 has no data yet', async () => {
    const response = await get('2027', admin);

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ year: 2027, source: 'none', days: [], hasData: false });
  });

  it('refuses other roles with 403 and a bad year with 400', async () => {
    expect((await get('2026', handlerRole)).statusCode).toBe(403);
    const bad = await get('27', admin);
    expect(bad.statusCode).toBe(400);
    expect(bodyOf<{ errors: FieldProblem[] }>(bad).errors).toEqual([expect.objectContaining({ path: '' })]);
  });
});

describe('PUT /v1/admin/calendar/{year}', () => {
  it('refuses a handler with 403 and stores nothing', async () => {
    const response = await put('2027', { days: notice2027 }, handlerRole);

    expect(response.statusCode).toBe(403);
    expect(response.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    expect(bodyOf(await get('2027', admin))).toMatchObject({ source: 'none', hasData: false });
  });

  it('refuses a supervisor, who may only read', async () => {
    expect((await put('2027', { days: notice2027 }, supervisor)).statusCode).toBe(403);
  });

  it('refuses bad days with 400, naming each field', async () => {
    const response = await put(
      '2027',
      {
        days: [
          { date: '2026-12-31', kind: 'holiday' },
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-09', kind: 'day-off' },
          { date: '2027-13-01', kind: 'holiday' },
        ],
      },
      admin,
    );

    expect(response.statusCode).toBe(400);
    const paths = bodyOf<{ errors: FieldProblem[] }>(response)
      .errors.map((error) => error.path)
      .sort();
    expect(paths).toEqual(['days.0.date', 'days.2.date', 'days.3.kind', 'days.4.date']);
    expect((await put('2027', { days: [] }, admin)).statusCode).toBe(400);
    expect((await put('2027', { days: notice2027, extra: 1 }, admin)).statusCode).toBe(400);
  });

  it('lets an admin enter 2027, which then has data for everyone', async () => {
    const response = await put('2027', { days: notice2027 }, admin);

    expect(response.statusCode, response.body).toBe(200);
    const stored = bodyOf<CalendarYear>(response);
    expect(stored).toEqual({ year: 2027, source: 'admin', hasData: true, days: notice2027 });
    expect(validateYear(stored), JSON.stringify(validateYear.errors)).toBe(true);
    expect(bodyOf(await get('2027', supervisor))).toEqual(stored);
    expect(await listCalendarYears()).toEqual([
      { year: 2027, enteredBy: 'admin', enteredAt: expect.any(String), dayCount: 4 },
    ]);
  });

  it('makes 2027 working-day deadlines trustworthy', async () => {
    const calendar = await loadCalendar([2026, 2027]);
    const deadline = computeDeadline(
      new Date('2026-12-24T10:00:00+08:00'),
      { amount: 13, unit: 'working-days', startsNextDay: true, rollsOverHolidays: true },
      calendar,
    );

    expect(calendar.hasYear(2027)).toBe(true);
    expect(calendar.dayKind('2027-02-06')).toBe('makeup-workday');
    // 12-25 (1), 12-28 … 12-31 (5), 01-01 … 01-03 holiday, 01-04 … 01-08 (10), 01-11 … 01-13 (13).
    expect(deadline).toMatchObject({ dueDate: '2027-01-13', missingCalendarYears: [] });
  });

  it('replaces what was entered before, and can correct a library year', async () => {
    const corrected = [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }];
    expect(bodyOf<CalendarYear>(await put('2027', { days: corrected }, admin)).days).toEqual(corrected);

    const correction = await put('2026', { days: [{ date: '2026-11-23', kind: 'holiday', name: '更正' }] }, admin);
    expect(correction.statusCode, correction.body).toBe(200);
    const year = bodyOf<CalendarYear>(await get('2026', admin));
    expect(year.source).toBe('admin');
    expect(year.days).toContainEqual({ date: '2026-11-23', kind: 'holiday', name: '更正' });
    expect(year.days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect((await listCalendarYears()).map((entry) => entry.year)).toEqual([2026, 2027]);
  });
});
