import type { Case, CaseEventType } from '#cases/domain/case.ts';
import type { CaseSummary } from '#cases/domain/case-summary.ts';
import { categoryLabels, stateLabels } from '#cases/domain/labels.ts';
import { colourLabels, type ProgressColour } from '#deadlines/domain/deadlines.ts';
import { type ClockName, clockLabels } from '#deadlines/domain/time-limit-policies.ts';
import { lastDayOf } from '#platform/domain/time.ts';

export type DeadlineEventType = Extract<
  CaseEventType,
  'deadline-yellow' | 'deadline-red' | 'deadline-reminder' | 'deadline-supervision' | 'calendar-missing'
>;

const texts: Readonly<Record<DeadlineEventType, { readonly tag: string; readonly ask: string }>> = {
  'deadline-yellow': { tag: '临期预警', ask: '该事项即将到期，请抓紧办理，确保按期办结。' },
  'deadline-red': { tag: '超期', ask: '该事项已超过办理期限，请立即办理并说明原因。' },
  'deadline-reminder': { tag: '催办', ask: '该事项已超期，现予催办，请立即办理，并向包案领导报告进展。' },
  'deadline-supervision': { tag: '督办', ask: '该事项超期已逾五个工作日，现予督办，请包案领导督促限期办结。' },
  'calendar-missing': {
    tag: '日历缺失',
    ask: '该事项的期限需要用到尚未录入节假日安排的年份，期限仅为按周末推算的参考值。请管理员依国务院办公厅通知录入该年度节假日和调休安排。',
  },
};

export const isDeadlineEvent = (type: CaseEventType): type is DeadlineEventType => type in texts;

/**
 * The administrators' email about years without calendar data: only those of `years` the case still lacks (an
 * administrator may have entered a year, and the nightly check recomputed the case, before the email went out).
 * Undefined when none is left.
 */
export const calendarMissingEmail = (
  item: Case,
  years: readonly number[],
  caseUrl: string,
): { subject: string; text: string } | undefined => {
  const missing = years.filter((year) => item.calendarMissingYears?.includes(year));
  return missing.length > 0 ? deadlineNoticeEmail('calendar-missing', item, caseUrl, undefined, missing) : undefined;
};

/**
 * The email about a deadline: a warning, an overdue case, a reminder or a supervision notice; it names the years the
 * case's deadlines lack calendar data for (`missingYears`, by default all the case is flagged for).
 */
export const deadlineNoticeEmail = (
  type: DeadlineEventType,
  item: Case,
  caseUrl: string,
  clock?: { name: string; dueAt: string },
  missingYears: readonly number[] = item.calendarMissingYears ?? [],
): { subject: string; text: string } => {
  const { tag, ask } = texts[type];
  const clockLabel = clock ? (clockLabels[clock.name as ClockName] ?? clock.name) : undefined;
  const complaint = item.complaint;
  const gap =
    type === 'calendar-missing' && missingYears.length > 0 ? ` · 缺${missingYears.join('、')}年节假日安排` : '';
  return {
    subject: `【${tag}】${item.number}${complaint ? ` ${categoryLabels[complaint.category]}` : ''}${
      clock ? ` · ${clockLabel}${lastDayOf(clock.dueAt)}届满` : ''
    }${gap}`,
    text: [
      '您好：',
      '',
      ask,
      '',
      `编号：${item.number}`,
      `当前状态：${stateLabels[item.state]}`,
      ...(clock ? [`${clockLabel}：${lastDayOf(clock.dueAt)} 24:00（北京时间）届满`] : []),
      ...(missingYears.length > 0 ? [`缺少节假日数据的年份：${missingYears.join('、')}`] : []),
      ...(complaint ? [`地点：${[complaint.place.town, complaint.place.address].filter(Boolean).join(' ')}`] : []),
      '',
      `办理入口：${caseUrl}`,
      '',
      '（本邮件由绿线督办系统于工作日早上发送，请勿直接回复。）',
    ].join('\n'),
  };
};

/** The morning digest for a lead official or a supervisor: their red and yellow cases, most urgent first. */
/** A campaign task's weekly report not filed by its due day (`campaigns/services/missing-reports.ts`). */
export interface DigestMissingReport {
  readonly campaignName: string;
  readonly taskNumber: number;
  readonly title: string;
  readonly caseId: string;
  readonly departmentName: string;
  readonly week: string;
  readonly dueDate: string;
  readonly status: 'missing-yellow' | 'missing-red';
}

export const digestEmail = (
  date: string,
  displayName: string,
  items: readonly CaseSummary[],
  baseUrl: string,
  missingReports: readonly DigestMissingReport[] = [],
): { subject: string; text: string } => {
  const red = items.filter((item) => item.colour === 'red');
  const yellow = items.filter((item) => item.colour === 'yellow');
  const line = (item: CaseSummary) =>
    `  ${item.number}  ${stateLabels[item.state]}  ${item.category ? categoryLabels[item.category as keyof typeof categoryLabels] : ''}` +
    `${item.dueAt ? `  期限 ${lastDayOf(item.dueAt)}` : ''}  ${baseUrl}/console/cases/${encodeURIComponent(item.id)}`;
  const section = (colour: ProgressColour, list: readonly CaseSummary[]) =>
    list.length > 0 ? [`${colourLabels[colour]}：${list.length} 件`, ...list.map(line), ''] : [];
  const reportLine = (report: DigestMissingReport) =>
    `  ${report.status === 'missing-red' ? '【红】' : '【黄】'}${report.campaignName} 任务 ${report.taskNumber}「${report.title}」` +
    `  ${report.departmentName}  ${report.week} 周报（${report.dueDate} 前报送）  ${baseUrl}/console/cases/${encodeURIComponent(report.caseId)}`;
  const reports =
    missingReports.length > 0
      ? [`专项行动周报未报送：${missingReports.length} 项`, ...missingReports.map(reportLine), '']
      : [];
  return {
    subject:
      `【督办日报】${date} 超期 ${red.length} 件、临期 ${yellow.length} 件` +
      (missingReports.length > 0 ? `、周报未报 ${missingReports.length} 项` : ''),
    text: [
      `${displayName}：`,
      '',
      `截至 ${date} 早上，您负责或督办的事项中：`,
      '',
      ...section('red', red),
      ...section('yellow', yellow),
      ...reports,
      '（本邮件由绿线督办系统于工作日早上发送，请勿直接回复。）',
    ].join('\n'),
  };
};
