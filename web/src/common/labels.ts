/**
 * Names of the API's enumerations in both languages, keyed by the generated types (a value the API adds is a type
 * error here until it has a name). The Chinese names are the API's own (`shared/cases/domain/labels.ts`).
 */
import type { Case, CaseState, Colleague, NewComplaint, OrgUnit, Survey } from '../api/schema.gen.ts';
import type { Language } from '../i18n/i18n.tsx';

type Labels<Key extends string> = Readonly<Record<Key, { readonly zh: string; readonly en: string }>>;

export type Colour = NonNullable<Case['colour']>;
export type Kind = Case['kind'];
export type Channel = NewComplaint['channel'];
export type Category = NewComplaint['category'];
export type ActionName = NonNullable<Case['allowedActions']>[number];
export type Role = Colleague['roles'][number];
export type UnitKind = OrgUnit['kind'];
export type SurveyStatus = Survey['status'];
export type SurveyChannel = Survey['channel'];
export type Satisfaction = NonNullable<Survey['answer']>['satisfaction'];
export type Solved = NonNullable<NonNullable<Survey['answer']>['solved']>;
export type SurveyEventKind = Survey['history'][number]['what'];

export const stateLabels: Labels<CaseState> = {
  registered: { zh: '已登记', en: 'Registered' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  merged: { zh: '已合并', en: 'Merged' },
  assigned: { zh: '已派单', en: 'Assigned' },
  'in-progress': { zh: '办理中', en: 'In progress' },
  returned: { zh: '已退单', en: 'Returned' },
  'result-submitted': { zh: '待审核', en: 'Result submitted' },
  closed: { zh: '已办结', en: 'Closed' },
  'review-requested': { zh: '申请复核', en: 'Review requested' },
};

export const colourLabels: Labels<Colour> = {
  red: { zh: '红色（超期）', en: 'Red (overdue)' },
  yellow: { zh: '黄色（临期）', en: 'Yellow (due soon)' },
  blue: { zh: '蓝色（正常办理）', en: 'Blue (on track)' },
  green: { zh: '绿色（已办结）', en: 'Green (finished)' },
};

/** antd Tag colours with white or dark text at WCAG AA contrast. */
export const colourTags: Readonly<Record<Colour, { readonly background: string; readonly text: string }>> = {
  red: { background: '#c62828', text: '#ffffff' },
  yellow: { background: '#f6c343', text: '#3b2f00' },
  blue: { background: '#1f5fbf', text: '#ffffff' },
  green: { background: '#1b7f3b', text: '#ffffff' },
};

/** Most urgent first, as the seeds' boards are read. */
export const colourOrder: readonly Colour[] = ['red', 'yellow', 'blue', 'green'];

export const kindLabels: Labels<Kind> = {
  complaint: { zh: '信访投诉', en: 'Complaint' },
  rectification: { zh: '整改问题', en: 'Rectification' },
  task: { zh: '交办任务', en: 'Task' },
  'help-plan': { zh: '帮扶计划', en: 'Help plan' },
};

export const channelLabels: Labels<Channel> = {
  hotline: { zh: '热线电话', en: 'Hotline' },
  web: { zh: '网上投诉', en: 'Web' },
  wechat: { zh: '微信', en: 'WeChat' },
  letter: { zh: '来信', en: 'Letter' },
  visit: { zh: '来访', en: 'Visit' },
  email: { zh: '电子邮件', en: 'Email' },
  'online-platform': { zh: '网络问政', en: 'Online platform' },
  'higher-level': { zh: '上级交办', en: 'From higher level' },
};

export const categoryLabels: Labels<Category> = {
  air: { zh: '大气污染', en: 'Air' },
  water: { zh: '水污染', en: 'Water' },
  noise: { zh: '噪声污染', en: 'Noise' },
  'solid-waste': { zh: '固体废物', en: 'Solid waste' },
  soil: { zh: '土壤污染', en: 'Soil' },
  radiation: { zh: '辐射', en: 'Radiation' },
  ecology: { zh: '生态破坏', en: 'Ecology' },
  other: { zh: '其他', en: 'Other' },
};

export const actionLabels: Labels<ActionName> = {
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  merge: { zh: '合并重复件', en: 'Merge duplicate' },
  assign: { zh: '派单', en: 'Assign' },
  sign: { zh: '签收', en: 'Sign for' },
  return: { zh: '退单', en: 'Return' },
  'submit-result': { zh: '提交办理结果', en: 'Submit result' },
  'approve-result': { zh: '审核通过并办结', en: 'Approve and close' },
  'send-back': { zh: '退回重办', en: 'Send back' },
  'request-extension': { zh: '申请延期', en: 'Request extension' },
  'approve-extension': { zh: '批准延期', en: 'Approve extension' },
  'refuse-extension': { zh: '不批准延期', en: 'Refuse extension' },
  'request-review': { zh: '申请复核', en: 'Request review' },
  rehandle: { zh: '重新办理', en: 'Re-handle' },
  'confirm-result': { zh: '维持原办理结果', en: 'Confirm result' },
  'apply-close-out': { zh: '申请销号', en: 'Apply to close out' },
  'check-on-site': { zh: '现场核查', en: 'Check on site' },
  'sign-off': { zh: '签字确认', en: 'Sign off' },
  publish: { zh: '公示', en: 'Publish' },
  'strike-off': { zh: '销号', en: 'Strike off' },
  'look-back': { zh: '回头看', en: 'Look back' },
};

export const roleLabels: Labels<Role> = {
  operator: { zh: '接线员', en: 'Operator' },
  dispatcher: { zh: '信访办', en: 'Petition office' },
  handler: { zh: '承办人', en: 'Handler' },
  lead: { zh: '包案领导', en: 'Lead official' },
  supervisor: { zh: '督办人员', en: 'Supervisor' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  'hotline-system': { zh: '热线系统', en: 'Hotline system' },
};

export const unitKindLabels: Labels<UnitKind> = {
  bureau: { zh: '局', en: 'Bureau' },
  branch: { zh: '分局', en: 'Branch' },
  department: { zh: '科室', en: 'Department' },
};

/** The answers of a follow-up survey, as the complainant is asked (`shared/surveys/domain/survey.ts`). */
export const satisfactionLabels: Labels<Satisfaction> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  'basically-satisfied': { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

/** Most satisfied first, as the choices are offered. */
export const satisfactions: readonly Satisfaction[] = ['satisfied', 'basically-satisfied', 'dissatisfied'];

export const solvedLabels: Labels<Solved> = {
  yes: { zh: '已解决', en: 'Solved' },
  partly: { zh: '部分解决', en: 'Partly solved' },
  no: { zh: '未解决', en: 'Not solved' },
};

export const solvedOrder: readonly Solved[] = ['yes', 'partly', 'no'];

export const surveyStatusLabels: Labels<SurveyStatus> = {
  pending: { zh: '待评价', en: 'Awaiting an answer' },
  answered: { zh: '已评价', en: 'Answered' },
  'not-evaluated': { zh: '未评价（逾期）', en: 'Not evaluated (expired)' },
  unreachable: { zh: '无法联系', en: 'Unreachable' },
  invalid: { zh: '无效评价', en: 'Judged invalid' },
  'no-contact': { zh: '无联系方式', en: 'No contact' },
};

export const surveyChannelLabels: Labels<SurveyChannel> = {
  email: { zh: '邮件评价', en: 'Email' },
  phone: { zh: '电话回访', en: 'Phone call' },
  none: { zh: '不回访（无联系方式）', en: 'None (no contact)' },
};

export const surveyEventLabels: Labels<SurveyEventKind> = {
  created: { zh: '创建回访', en: 'Created' },
  invited: { zh: '发送评价邮件', en: 'Invitation sent' },
  reminded: { zh: '发送提醒邮件', en: 'Reminder sent' },
  'call-attempt': { zh: '呼叫未接通', en: 'Call not answered' },
  answered: { zh: '评价', en: 'Answered' },
  expired: { zh: '逾期未评价', en: 'Expired' },
  unreachable: { zh: '计为无法联系', en: 'Counted unreachable' },
  invalidated: { zh: '判定无效', en: 'Judged invalid' },
};

/** A category the API gives as a plain string (survey subjects): its name, or the string itself if unknown. */
export const categoryName = (category: string, language: Language): string =>
  category in categoryLabels ? categoryLabels[category as Category][language] : category;

export const labelOf = <Key extends string>(labels: Labels<Key>, key: Key, language: Language): string =>
  labels[key][language];
