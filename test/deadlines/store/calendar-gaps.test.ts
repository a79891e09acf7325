import { describe, it } from 'vitest';
import {
  listCasesUnderCalendarGap,
  listCasesWithCalendarGap,
  resolveCalendarGaps,
} from '#deadlines/store/calendar-gaps.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('calendar-gaps-store-test');

describe('the calendar-gap store', () => {
  it.each([
    ['listCasesWithCalendarGap', () => listCasesWithCalendarGap(2027)],
    ['listCasesUnderCalendarGap', () => listCasesUnderCalendarGap(['case-1', 'case-2'], 2027)],
    ['resolveCalendarGaps', () => resolveCalendarGaps('case-1', [2027], new Date('2026-12-26T17:00:00Z'))],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});
