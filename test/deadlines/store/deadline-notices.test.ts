import { describe, it } from 'vitest';
import { listPendingNotices, markNoticeDispatched, type PendingNotice } from '#deadlines/store/deadline-notices.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('deadline-notices-store-test');

const aPendingNotice: PendingNotice = {
  kind: 'deadline-red',
  clock: 'finish',
  dueAt: '2027-01-13T15:59:59.999Z',
  caseId: 'case-1',
  raisedAt: '2027-01-13T17:00:00.000Z',
  id: 'case-1:NOTICE#finish#deadline-red#2027-01-13T15:59:59.999Z',
  sk: 'NOTICE#finish#deadline-red#2027-01-13T15:59:59.999Z',
};

describe('the deadline notices store', () => {
  it.each([
    ['listPendingNotices', () => listPendingNotices()],
    ['markNoticeDispatched', () => markNoticeDispatched(aPendingNotice, '2027-01-14T00:30:00.000Z')],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});
