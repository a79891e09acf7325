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
