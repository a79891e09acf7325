import type { Case } from '#cases/domain/case.ts';
import { bureauDateTimeLabel } from '#platform/domain/time.ts';

export type ComplainantNotice = 'case-accepted' | 'case-rejected' | 'case-closed';

/**
 * What a complainant is told: the decision and the public reply, never officials' internal notes or the department's
 * internal account. `subject` is the case the complainant reported (a merged duplicate is told about its master's
 * result under its own number).
 */
export const complainantEmail = (
  notice: ComplainantNotice,
  reported: Case,
  master: Case,
  trackingUrl: string,
): { subject: string; text: string } => {
  const received = bureauDateTimeLabel(new Date(reported.receivedAt));
  const lines: Record<ComplainantNotice, { subject: string; body: string[] }> = {
    'case-accepted': {
      subject: `您反映的问题已受理（${reported.number}）`,
      body: [`您于 ${received} 反映的问题已经受理，我们将依法按时办理，并将办理结果告知您。`],
    },
    'case-rejected': {
      subject: `关于您反映问题的受理告知（${reported.number}）`,
      body: [
        `您于 ${received} 反映的问题，经审查不予受理。`,
        `理由：${reported.rejectionReason ?? master.rejectionReason ?? ''}`,
        '如有异议，可自收到本告知之日起 30 日内向本机关申请复查。',
      ],
    },
    'case-closed': {
      subject: `您反映的问题已办结（${reported.number}）`,
      body: [
        `您于 ${received} 反映的问题已办理完毕。`,
        '',
        '办理结果：',
        master.result?.publicReply ?? '',
        '',
        '我们将就办理情况征求您的意见，请留意后续的满意度评价。',
      ],
    },
  };
  const { subject, body } = lines[notice];
  return {
    subject,
    text: [
      '您好：',
      '',
      ...body,
      '',
      `查询办理进度：${trackingUrl}`,
      '',
      '感谢您对生态环境保护工作的关心和支持。',
      '（本邮件由系统自动发送，请勿直接回复。）',
    ].join('\n'),
  };
};
