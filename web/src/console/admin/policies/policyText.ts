/** Readable text of the time-limit policies (`GET /v1/admin/time-limit-policies`), in both languages. */
import type { paths } from '../../../api/schema.gen.ts';
import { categoryLabels, channelLabels, kindLabels } from '../../../common/labels.ts';
import type { Language } from '../../../i18n/i18n.tsx';

export type PolicyVersion =
  paths['/v1/admin/time-limit-policies']['get']['responses']['200']['content']['application/json']['current'];
export type Policy = PolicyVersion['policies'][number];
export type PolicyStep = NonNullable<Policy['steps']['accept']>;
export type StepName = keyof Policy['steps'];
export type StepUnit = PolicyStep['unit'];

export const stepNames: readonly StepName[] = ['accept', 'sign', 'finish', 'review'];

export const stepLabels: Readonly<Record<StepName, Record<Language, string>>> = {
  accept: { zh: '受理时限', en: 'Accept' },
  sign: { zh: '签收时限', en: 'Sign for' },
  finish: { zh: '办结时限', en: 'Finish' },
  review: { zh: '复核时限', en: 'Review' },
};

export const unitLabels: Readonly<Record<StepUnit, Record<Language, string>>> = {
  'calendar-days': { zh: '个自然日', en: 'calendar days' },
  'working-days': { zh: '个工作日', en: 'working days' },
  hours: { zh: '小时', en: 'hours' },
};

export const urgencyLabels: Readonly<Record<'normal' | 'urgent', Record<Language, string>>> = {
  normal: { zh: '一般', en: 'normal' },
  urgent: { zh: '紧急', en: 'urgent' },
};

/** `15 个自然日（次日起算，遇节假日顺延）`. */
export const stepText = (step: PolicyStep | undefined, language: Language): string => {
  if (!step) return '—';
  const notes =
    language === 'zh'
      ? [step.startsNextDay ? '次日起算' : '当日起算', step.rollsOverHolidays ? '遇节假日顺延' : '节假日不顺延']
      : [
          step.startsNextDay ? 'from the next day' : 'from the same day',
          step.rollsOverHolidays ? 'rolls over holidays' : 'no roll-over',
        ];
  const amount =
    language === 'zh' ? `${step.amount} ${unitLabels[step.unit].zh}` : `${step.amount} ${unitLabels[step.unit].en}`;
  return language === 'zh' ? `${amount}（${notes.join('，')}）` : `${amount} (${notes.join(', ')})`;
};

/** What a policy applies to: `信访投诉 · 热线电话`, or the catch-all. */
export const matchText = (match: Policy['match'], language: Language): string => {
  const parts = [
    match.kind ? kindLabels[match.kind][language] : undefined,
    match.channel ? channelLabels[match.channel][language] : undefined,
    match.category ? categoryLabels[match.category][language] : undefined,
    match.urgency ? urgencyLabels[match.urgency][language] : undefined,
  ].filter(Boolean);
  if (parts.length > 0) return parts.join(' · ');
  return language === 'zh' ? '全部事项（兜底规则）' : 'Every case (catch-all)';
};

export const extensionText = (policy: Policy, language: Language): string =>
  language === 'zh'
    ? `最多 ${policy.maxExtensions} 次，每次不超过 ${policy.maxExtensionDays} 天`
    : `at most ${policy.maxExtensions}, up to ${policy.maxExtensionDays} days each`;

export const warningText = (policy: Policy, language: Language): string => {
  const percent = Math.round(policy.warning.fraction * 100);
  return language === 'zh'
    ? `剩余 ${percent}% 时转黄，至少提前 ${policy.warning.minimumDays} 天`
    : `yellow in the last ${percent}%, at least ${policy.warning.minimumDays} days before`;
};
