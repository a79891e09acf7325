/** The follow-up survey settings (`GET /v1/admin/survey-settings`): what each figure means and its range. */
import type { SurveySettings } from '../../../api/schema.gen.ts';
import type { Language } from '../../../i18n/i18n.tsx';

export type { SurveySettings };
export type SettingName = keyof SurveySettings;

export const settingNames: readonly SettingName[] = ['reminderAfterDays', 'expiryDays', 'maxCallAttempts'];

interface SettingText {
  readonly label: string;
  /** After the figure: `3 天`, `3 个工作日`. */
  readonly unit: string;
  readonly help: string;
}

export const settingTexts: Readonly<Record<SettingName, Record<Language, SettingText>>> = {
  reminderAfterDays: {
    zh: { label: '提醒天数', unit: '天', help: '评价邮件发出后第几天提醒一次（只用于此后新建的回访）' },
    en: {
      label: 'Reminder after',
      unit: 'days',
      help: 'The day after the survey email on which one reminder is sent (for surveys created from now on)',
    },
  },
  expiryDays: {
    zh: {
      label: '评价期限',
      unit: '天',
      help: '办结后几天内可评价（逾期计为“未评价”，不计为满意；只用于此后新建的回访）',
    },
    en: {
      label: 'Answers within',
      unit: 'days',
      help: 'Days after closing in which the complainant may answer (later counts as “not evaluated”, not as satisfied; for surveys created from now on)',
    },
  },
  maxCallAttempts: {
    zh: {
      label: '电话回访尝试',
      unit: '个工作日',
      help: '电话回访在几个不同工作日未接通后计为“无法联系”（对进行中的回访也立即生效）',
    },
    en: {
      label: 'Call attempts',
      unit: 'working days',
      help: 'Follow-up calls unanswered on this many different working days count as “unreachable” (applies at once, also to calls under way)',
    },
  },
};

/** The API's ranges (`PUT` refuses others; the reminder must also come before the end of the answers). */
export const settingRanges: Readonly<Record<SettingName, { readonly min: number; readonly max: number }>> = {
  reminderAfterDays: { min: 1, max: 30 },
  expiryDays: { min: 2, max: 90 },
  maxCallAttempts: { min: 1, max: 10 },
};
