import type { Case, CaseEventType } from '#cases/domain/case.ts';
import { categoryLabels, stateLabels } from '#cases/domain/labels.ts';
import { bureauDateTimeLabel } from '#platform/domain/time.ts';

const officialTexts: Partial<Record<CaseEventType, { readonly tag: string; readonly ask: string }>> = {
  'case-assigned': { tag: '派单', ask: '该事项已派至贵科室，请及时签收并组织办理。' },
  'case-returned': { tag: '退单', ask: '承办科室已退回该事项，请重新审查并派单。' },
  'extension-requested': { tag: '延期申请', ask: '承办人申请延期，请在办理期限届满前审批。' },
  'extension-approved': { tag: '延期已批准', ask: '延期申请已获批准，请在新的期限内办结。' },
  'extension-refused': { tag: '延期未批准', ask: '延期申请未获批准，请在原期限内办结。' },
  'result-submitted': { tag: '待审核', ask: '承办人已提交办理结果，请审核。' },
  'result-sent-back': { tag: '退回重办', ask: '办理结果被退回，请按意见重新办理。' },
  'review-requested': { tag: '申请复核', ask: '投诉人对办理结果提出异议，请决定重新办理或维持原结果。' },
  'case-reopened': { tag: '重新办理', ask: '该事项已重新交办，请重新办理。' },
  'help-plan-opened': {
    tag: '帮扶计划',
    ask: '企业绩效分级评为 D 级，已生成帮扶计划：请派单明确责任领导和责任人，组织一对一帮扶，帮助企业提升至 C 级。',
  },
  'regrade-flagged': {
    tag: '待重新评级',
    ask: '该投诉已办结，查实被投诉企业存在问题；该企业现为 A/B 级绩效企业，已标记待重新评定，请组织复核其绩效分级。',
  },
};

/** Whether an event calls for an email to officials. */
export const hasOfficialNotice = (type: CaseEventType): boolean => type in officialTexts;

/** An email to officials about a step of a case. The matter only, never the complainant's identity. */
export const officialNoticeEmail = (
  type: CaseEventType,
  item: Case,
  caseUrl: string,
  reason?: string,
): { subject: string; text: string } => {
  const texts = officialTexts[type];
  if (!texts) throw new Error(`no official notice for ${type}`);
  const complaint = item.complaint;
  return {
    subject: `【${texts.tag}】${item.number}${complaint ? ` ${categoryLabels[complaint.category]}` : ''}`,
    text: [
      '您好：',
      '',
      texts.ask,
      '',
      `编号：${item.number}`,
      `当前状态：${stateLabels[item.state]}`,
      ...(complaint ? [`地点：${[complaint.place.town, complaint.place.address].filter(Boolean).join(' ')}`] : []),
      ...(complaint?.source
        ? [`被投诉单位：${complaint.source.name}${complaint.source.uscc ? `（${complaint.source.uscc}）` : ''}`]
        : []),
      ...(item.helpPlan ? [`帮扶企业：${item.helpPlan.enterpriseName}（${item.helpPlan.uscc}）`] : []),
      `收到时间：${bureauDateTimeLabel(new Date(item.receivedAt))}（北京时间）`,
      ...(reason ? [`说明：${reason}`] : []),
      ...(complaint ? ['', '反映内容：', complaint.description] : []),
      '',
      `办理入口：${caseUrl}`,
      '',
      '（本邮件由绿线督办系统自动发送，请勿直接回复。）',
    ].join('\n'),
  };
};

export type ComplainantNotice = 'case-accepted' | 'case-rejected' | 'case-closed' | 'case-merged';

/**
 * What a complainant is told: the decision and the public reply, never officials' internal notes or the department's
 * internal account, nor the master's number. `reported` is the case the complainant reported: a merged duplicate is
 * told its master's decision and result under its own number, and `case-merged` tells it that it was merged into a
 * case already accepted.
 */
export const complainantEmail = (
  notice: ComplainantNotice,
  reported: Case,
  master: Case,
  /** The tracking page, for a complaint filed on the web (only those have a tracking code and secret). */
  trackingUrl: string | undefined,
): { subject: string; text: string } => {
  const received = bureauDateTimeLabel(new Date(reported.receivedAt));
  const lines: Record<ComplainantNotice, { subject: string; body: string[] }> = {
    'case-accepted': {
      subject: `您反映的问题已受理（${reported.number}）`,
      body: [`您于 ${received} 反映的问题已经受理，我们将依法按时办理，并将办理结果告知您。`],
    },
    'case-merged': {
      subject: `您反映的问题已受理（${reported.number}）`,
      body: [
        `您于 ${received} 反映的问题，与此前收到的对同一问题的反映合并，已经受理并一并办理。`,
        '我们将依法按时办理，并将办理结果告知您。',
      ],
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
      ...(trackingUrl ? ['', `查询办理进度（请使用提交时获得的查询码和密码）：${trackingUrl}`] : []),
      '',
      '感谢您对生态环境保护工作的关心和支持。',
      '（本邮件由系统自动发送，请勿直接回复。）',
    ].join('\n'),
  };
};
