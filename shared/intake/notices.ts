import type { Case } from '#cases/domain/case.ts';
import { categoryLabels, channelLabels, urgencyLabels } from '#cases/domain/labels.ts';
import { bureauDateTimeLabel } from '#platform/domain/time.ts';

/**
 * The petition office's email about a new complaint. It carries the matter, not the person: emails leave the system,
 * so the complainant's name and phone stay behind the sign-in.
 */
export const complaintRegisteredEmail = (item: Case, caseUrl: string): { subject: string; text: string } => {
  const complaint = item.complaint;
  if (!complaint) throw new Error(`case ${item.id} is not a complaint`);
  const place = [complaint.place.town, complaint.place.address].filter(Boolean).join(' ');
  const urgent = complaint.urgency === 'urgent' ? '【紧急】' : '';
  return {
    subject: `${urgent}【新信访件】${item.number} ${categoryLabels[complaint.category]} · ${complaint.place.town ?? complaint.place.address}`,
    text: [
      '信访办：',
      '',
      `收到一件新的信访件，请及时审查是否受理（应自收到之日起 15 日内作出受理决定）。`,
      '',
      `编号：${item.number}`,
      `渠道：${channelLabels[complaint.channel]}`,
      `收到时间：${bureauDateTimeLabel(new Date(item.receivedAt))}（北京时间）`,
      `类别：${categoryLabels[complaint.category]}`,
      `紧急程度：${urgencyLabels[complaint.urgency]}`,
      `地点：${place}`,
      ...(complaint.source ? [`被反映对象：${complaint.source.name}`] : []),
      '',
      '反映内容：',
      complaint.description,
      '',
      `办理入口：${caseUrl}`,
      '',
      '（本邮件由绿线督办系统自动发送，请勿直接回复。投诉人信息请登录系统查看。）',
    ].join('\n'),
  };
};
