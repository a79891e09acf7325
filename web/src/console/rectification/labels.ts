/**
 * Names of the rectification enumerations in both languages, keyed by the generated types (a value the API adds is a
 * type error here until it has a name). The Chinese names are the API's own (`shared/rectification/domain/details.ts`).
 */
import type { ActionLookBack, ActionStrikeOff, CaseSummary, RectificationDetails } from '../../api/schema.gen.ts';

type Labels<Key extends string> = Readonly<Record<Key, { readonly zh: string; readonly en: string }>>;

export type RectificationSource = RectificationDetails['source'];
export type RectificationBand = RectificationDetails['band'];
export type CloseOutStage = NonNullable<CaseSummary['closeOutStage']>;
export type StrikeOffOutcome = NonNullable<ActionStrikeOff['outcome']>;
export type LookBackOutcome = ActionLookBack['outcome'];

export const sourceLabels: Labels<RectificationSource> = {
  'central-inspection': { zh: '中央生态环境保护督察', en: 'Central inspection' },
  'provincial-inspection': { zh: '省级生态环境保护督察', en: 'Provincial inspection' },
  'self-check': { zh: '自查自纠', en: 'Self-check' },
  complaint: { zh: '信访投诉', en: 'Complaint' },
  'random-inspection': { zh: '双随机检查', en: 'Random inspection' },
};

export const sources = Object.keys(sourceLabels) as RectificationSource[];

export const bandLabels: Labels<RectificationBand> = {
  'short-term': { zh: '立行立改（短期）', en: 'Immediate (short-term)' },
  medium: { zh: '限期整改（中期）', en: 'By a deadline (medium)' },
  'long-term': { zh: '长期整改（长期）', en: 'Long-term' },
};

export const bands = Object.keys(bandLabels) as RectificationBand[];

export const closeOutStageLabels: Labels<CloseOutStage> = {
  rectifying: { zh: '整改中', en: 'Rectifying' },
  applied: { zh: '已申请销号', en: 'Close-out applied for' },
  checked: { zh: '已现场核查', en: 'Checked on site' },
  'signed-off': { zh: '已签字确认', en: 'Signed off' },
  published: { zh: '公示中', en: 'Published' },
  'struck-off': { zh: '已销号', en: 'Struck off' },
  'kept-up': { zh: '已完成，长期坚持', en: 'Done, kept up' },
};

export const strikeOffOutcomeLabels: Labels<StrikeOffOutcome> = {
  'struck-off': { zh: '销号', en: 'Struck off' },
  'kept-up': { zh: '已完成，长期坚持', en: 'Done, kept up' },
};

export const strikeOffOutcomes = Object.keys(strikeOffOutcomeLabels) as StrikeOffOutcome[];

export const lookBackOutcomeLabels: Labels<LookBackOutcome> = {
  confirmed: { zh: '整改成效巩固', en: 'Confirmed' },
  rebounded: { zh: '问题反弹，重新整改', en: 'Rebounded: rectify again' },
};

export const lookBackOutcomes = Object.keys(lookBackOutcomeLabels) as LookBackOutcome[];
