import type { Channel, PollutionCategory, Urgency } from '#intake/domain/complaint-input.ts';
import type { CaseKind, CaseState, Substantiation, TransferBody } from './case.ts';

export const channelLabels: Readonly<Record<Channel, string>> = {
  hotline: '热线电话',
  web: '网上投诉',
  wechat: '微信',
  letter: '来信',
  visit: '来访',
  email: '电子邮件',
  'online-platform': '网络问政',
  'higher-level': '上级交办',
};

export const categoryLabels: Readonly<Record<PollutionCategory, string>> = {
  air: '大气污染',
  water: '水污染',
  noise: '噪声污染',
  'solid-waste': '固体废物',
  soil: '土壤污染',
  radiation: '辐射',
  ecology: '生态破坏',
  other: '其他',
};

export const urgencyLabels: Readonly<Record<Urgency, string>> = {
  normal: '一般',
  urgent: '紧急',
};

export const stateLabels: Readonly<Record<CaseState, string>> = {
  registered: '已登记',
  accepted: '已受理',
  rejected: '不予受理',
  merged: '已合并',
  assigned: '已派单',
  'in-progress': '办理中',
  returned: '已退单',
  'result-submitted': '待审核',
  closed: '已办结',
  'review-requested': '申请复核',
};

/** Every case kind, named once so the compiler notices a new one. */
export const caseKindLabels: Readonly<Record<CaseKind, string>> = {
  complaint: '信访投诉',
  rectification: '整改',
  task: '交办任务',
  'help-plan': '帮扶计划',
};

/** The bodies a lead is handed to (移交线索 / 移送). */
export const substantiationLabels: Readonly<Record<Substantiation, string>> = {
  yes: '属实',
  partly: '部分属实',
  no: '不属实',
};

export const transferBodyLabels: Readonly<Record<TransferBody, string>> = {
  discipline: '纪检监察机关',
  police: '公安机关',
  judiciary: '司法机关',
};
