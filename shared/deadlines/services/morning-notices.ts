import { missingReportsOn } from '#campaigns/services/missing-reports.ts';
import { openStates } from '#cases/domain/case-query.ts';
import { queryEntries } from '#cases/services/records.ts';
import { listPendingNotices, markNoticeDispatched } from '#deadlines/store/deadline-notices.ts';
import { listAllRoleMembers } from '#directory/services/lookup.ts';
import type { DigestMessage } from '#notices/services/send-notice.ts';
import { publishMessages } from '#platform/adapters/event-queues.ts';
import { bureauDate, isWeekend } from '#platform/domain/time.ts';
import { logger } from '#platform/logger.ts';
import { loadTimeContext } from './time-context.ts';

export interface MorningReport {
  readonly date: string;
  readonly workingDay: boolean;
  readonly notices: number;
  readonly digests: number;
}

const attention = ['yellow', 'red'];

/**
 * The morning run (08:30 on working days, Asia/Shanghai): sends the deadline notices the nightly check raised, and a
 * digest to every lead official and supervisor who has red or yellow cases, and to every person and leader of a
 * campaign task whose weekly report is missing (yellow, then red). Messages carry stable ids (the notice,
 * or digest + date + person), so running twice the same morning sends nothing twice.
 */
export const runMorningNotices = async (at: Date): Promise<MorningReport> => {
  const date = bureauDate(at);
  const { calendar } = await loadTimeContext(at);
  const working = calendar.isWorkingDay(date);
  // A year without calendar data falls back to weekdays here: a notice a day late is better than none.
  const workingDay = working ?? !isWeekend(date);
  if (!workingDay) return { date, workingDay, notices: 0, digests: 0 };

  const pending = await listPendingNotices();
  const sentNotices = await publishMessages(
    pending.map((notice) => ({
      id: notice.id,
      type: notice.kind,
      caseId: notice.caseId,
      occurredAt: notice.raisedAt,
      clock: notice.clock,
      dueAt: notice.dueAt,
    })),
  );
  const dispatchedAt = at.toISOString();
  await Promise.all(
    pending
      .filter((notice) => sentNotices.includes(notice.id))
      .map((notice) => markNoticeDispatched(notice, dispatchedAt)),
  );

  const [leads, supervisors, missing] = await Promise.all([
    listAllRoleMembers('lead'),
    listAllRoleMembers('supervisor'),
    missingReportsOn(at),
  ]);
  const missingFor = new Map(missing.map((each) => [each.recipient, each.items]));
  const digests: DigestMessage[] = [];
  for (const [members, partition] of [
    [leads, (username: string) => `LEAD#${username}`],
    [supervisors, (_: string, unitId: string) => `SCOPE#${unitId}`],
  ] as const) {
    for (const member of members) {
      const { items } = await queryEntries({
        partition: partition(member.username, member.unitId),
        states: openStates,
        limit: 500,
      });
      const flagged = items.filter((item) => attention.includes(item.colour ?? ''));
      const reports = missingFor.get(member.username) ?? [];
      missingFor.delete(member.username);
      if (flagged.length === 0 && reports.length === 0) continue;
      digests.push({
        type: 'digest',
        id: `digest:${date}:${member.username}`,
        recipient: member.username,
        date,
        items: flagged,
        missingReports: reports,
      });
    }
  }
  // The people of campaign tasks who are neither lead nor supervisor hear of their missing reports all the same.
  for (const [recipient, reports] of missingFor) {
    digests.push({
      type: 'digest',
      id: `digest:${date}:${recipient}`,
      recipient,
      date,
      items: [],
      missingReports: reports,
    });
  }
  const sentDigests = await publishMessages(digests);
  const report = { date, workingDay, notices: sentNotices.length, digests: sentDigests.length };
  logger.info('morning notices', { ...report });
  return report;
};
