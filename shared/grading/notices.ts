import { type Assessment, assessmentStatusLabels } from '#grading/domain/assessment.ts';
import { bureauDateTimeLabel } from '#platform/domain/time.ts';

/** The assessment steps the officials concerned are emailed about. */
export const notifiedAssessmentActions = ['submit', 'return', 'publish'] as const;
export type NotifiedAssessmentAction = (typeof notifiedAssessmentActions)[number];

const texts: Readonly<Record<NotifiedAssessmentAction, { readonly tag: string; readonly ask: string }>> = {
  submit: { tag: '评定待审核', ask: '以下绩效分级评定已提交，请审核（通过或退回并写明理由）。' },
  return: { tag: '评定被退回', ask: '以下绩效分级评定被退回，请按意见修改后重新提交。' },
  publish: { tag: '评级已发布', ask: '以下绩效分级评定已发布，企业的绩效等级已更新。' },
};

/** An email about a step of an assessment: the firm, the industry, the grade and the step's reason; no one's contact. */
export const assessmentEmail = (
  action: NotifiedAssessmentAction,
  assessment: Assessment,
  url: string,
): { subject: string; text: string } => {
  const { tag, ask } = texts[action];
  const grade = assessment.publishedGrade ?? assessment.result.grade;
  const step = [...assessment.history].reverse().find((entry) => entry.action === action);
  return {
    subject: `【${tag}】${assessment.enterpriseName} ${assessment.industryName}${grade ? ` ${grade} 级` : ''}`,
    text: [
      '您好：',
      '',
      ask,
      '',
      `企业：${assessment.enterpriseName}（${assessment.uscc}）`,
      `行业：${assessment.industryName}${assessment.schemeExample ? '（示例方案，须替换为官方指标表）' : ''}`,
      ...(grade ? [`等级：${grade} 级`] : []),
      `状态：${assessmentStatusLabels[assessment.status]}`,
      ...(step ? [`时间：${bureauDateTimeLabel(new Date(step.at))}（北京时间）`, `操作人：${step.by}`] : []),
      ...(step?.reason ? [`理由：${step.reason}`] : []),
      '',
      `查看评定：${url}`,
      '',
      '（本邮件由绿线督办系统自动发送，请勿直接回复。）',
    ].join('\n'),
  };
};
