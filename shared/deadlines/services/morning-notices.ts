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
 * digest to every lead official and supervisor who has red or yellow cases. Messages carry stable ids (the notice,
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

  const [leads, supervisors] = await Promise.all([listAllRoleMembers('lead'), listAllRoleMembers('supervisor')]);
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
      if (flagged.length === 0) continue;
      digests.push({
        type: 'digest',
        id: `digest:${date}:${member.username}`,
        recipient: member.username,
        date,
        items: flagged,
      });
    }
  }
  const sentDigests = await publishMessages(digests);
  const report = { date, workingDay, notices: sentNotices.length, digests: sentDigests.length };
  logger.info('morning notices', { ...report });
  return report;
};
