import type { CaseSummary } from '#cases/domain/case-summary.ts';
import { categoryLabels, stateLabels } from '#cases/domain/labels.ts';
import { colourLabels, type ProgressColour } from '#deadlines/domain/deadlines.ts';
import { lastDayOf } from '#platform/domain/time.ts';

/** The morning digest for a lead official or a supervisor: their red and yellow cases, most urgent first. */
export const digestEmail = (
  date: string,
  displayName: string,
  items: readonly CaseSummary[],
  baseUrl: string,
): { subject: string; text: string } => {
  const red = items.filter((item) => item.colour === 'red');
  const yellow = items.filter((item) => item.colour === 'yellow');
  const line = (item: CaseSummary) =>
    `  ${item.number}  ${stateLabels[item.state]}  ${item.category ? categoryLabels[item.category as keyof typeof categoryLabels] : ''}` +
    `${item.dueAt ? `  期限 ${lastDayOf(item.dueAt)}` : ''}  ${baseUrl}/v1/cases/${item.id}`;
  const section = (colour: ProgressColour, list: readonly CaseSummary[]) =>
    list.length > 0 ? [`${colourLabels[colour]}：${list.length} 件`, ...list.map(line), ''] : [];
  return {
    subject: `【督办日报】${date} 超期 ${red.length} 件、临期 ${yellow.length} 件`,
    text: [
      `${displayName}：`,
      '',
      `截至 ${date} 早上，您负责或督办的事项中：`,
      '',
      ...section('red', red),
      ...section('yellow', yellow),
      '（本邮件由绿线督办系统于工作日早上发送，请勿直接回复。）',
    ].join('\n'),
  };
};
