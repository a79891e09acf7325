/**
 * The survey emails to the complainant: the invitation when the result is closed, and one reminder. Each carries the
 * result summary (never officials' names or internal notes), three one-click answers and the survey page for a
 * comment. The links hold the token; it is good for one answer, until the survey's deadline.
 */
import { bureauDateTimeLabel } from '#platform/domain/time.ts';
import { type Satisfaction, type Survey, satisfactionLabels } from './domain/survey.ts';

/** The survey page of a token, optionally with an answer to record on opening (one click from the email). */
export const surveyPageUrl = (baseUrl: string, token: string, answer?: Satisfaction): string =>
  `${baseUrl}/survey/${encodeURIComponent(token)}${answer ? `?answer=${answer}` : ''}`;

export const surveyEmail = (
  kind: 'invitation' | 'reminder',
  survey: Survey,
  categoryLabel: string,
  links: { readonly baseUrl: string; readonly token: string },
): { subject: string; text: string } => {
  const { subject } = survey;
  const deadline = bureauDateTimeLabel(new Date(survey.expiresAt));
  return {
    subject:
      kind === 'invitation'
        ? `请您评价办理结果（${subject.caseNumber}）`
        : `提醒：请您评价办理结果（${subject.caseNumber}）`,
    text: [
      '您好：',
      '',
      kind === 'invitation'
        ? `您反映的问题（${subject.caseNumber}，${categoryLabel}${subject.town ? ` · ${subject.town}` : ''}）已办理完毕。`
        : `您反映的问题（${subject.caseNumber}）已办理完毕，我们尚未收到您的评价。`,
      '',
      '办理结果：',
      subject.publicReply,
      '',
      '您对办理结果是否满意？点击下面一个链接即可完成评价：',
      ...(Object.keys(satisfactionLabels) as Satisfaction[]).map(
        (answer) => `  ${satisfactionLabels[answer]}：${surveyPageUrl(links.baseUrl, links.token, answer)}`,
      ),
      '',
      `如需说明问题是否解决或留言，请打开评价页：${surveyPageUrl(links.baseUrl, links.token)}`,
      '',
      `评价截止时间：${deadline}（北京时间）。每件只能评价一次；逾期未评价的，计为“未评价”，不计为满意。`,
      '如对办理结果不满意，将转交包案领导复核。',
      '',
      '（本邮件由绿线督办系统自动发送，请勿直接回复。链接仅供您本人使用，请勿转发。）',
    ].join('\n'),
  };
};
