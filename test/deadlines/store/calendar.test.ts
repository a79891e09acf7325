import { describe, it } from 'vitest';
import { getCalendarOverrides, listCalendarYears, putCalendarYear } from '#deadlines/store/calendar.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('calendar-store-test');

describe('the calendar store', () => {
  it.each([
    [
      'putCalendarYear',
      () => putCalendarYear(2027, [{ date: '2027-01-01', kind: 'holiday' }], 'admin', new Date('2026-12-26T02:00:00Z')),
    ],
    ['getCalendarOverrides', () => getCalendarOverrides([2027])],
    ['listCalendarYears', () => listCalendarYears()],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});
