/**
 * Names of the inspection enumerations in both languages, keyed by the generated types (a value the API adds is a
 * type error here until it has a name), and each supervision class's default rate. The Chinese names and the rates are
 * the API's own (`shared/inspections/domain/`).
 */
import type { DrawDetails, EnforcementCase, EnforcementLedger, Inspection } from '../../api/schema.gen.ts';

type Labels<Key extends string> = Readonly<Record<Key, { readonly zh: string; readonly en: string }>>;

export type SupervisionClass = DrawDetails['result']['classes'][number]['class'];
export type InspectionOutcome = Inspection['outcome'];
export type EnforcementState = EnforcementCase['state'];
export type TransferTarget = NonNullable<EnforcementCase['transfer']>['to'];
export type FigureName = keyof EnforcementLedger['figures'];

export const classLabels: Labels<SupervisionClass> = {
  'key-polluter': { zh: '重点排污单位', en: 'Key polluters' },
  special: { zh: '特殊监管对象', en: 'Special supervision' },
  general: { zh: '一般排污单位', en: 'General' },
  'positive-list': { zh: '正面清单企业', en: 'Positive list' },
};

export const supervisionClasses = Object.keys(classLabels) as SupervisionClass[];

/** The percentage of a class's firms a plan draws unless it says otherwise (`defaultRates` in `domain/plan.ts`). */
export const defaultRates: Readonly<Record<SupervisionClass, number>> = {
  'key-polluter': 25,
  special: 25,
  general: 5,
  'positive-list': 2,
};

export const outcomeLabels: Labels<InspectionOutcome> = {
  'no-issue': { zh: '未发现问题', en: 'No issue' },
  'issues-found': { zh: '发现问题', en: 'Issues found' },
  'rectification-ordered': { zh: '责令整改', en: 'Rectification ordered' },
  'case-filed': { zh: '立案查处', en: 'Case filed' },
};

export const enforcementStateLabels: Labels<EnforcementState> = {
  filed: { zh: '已立案', en: 'Filed' },
  decided: { zh: '已作出处罚决定', en: 'Decided' },
  closed: { zh: '已结案', en: 'Closed' },
};

export const transferTargetLabels: Labels<TransferTarget> = {
  police: { zh: '公安机关', en: 'Police' },
  judiciary: { zh: '司法机关', en: 'Judiciary' },
};

export const figureLabels: Labels<FigureName> = {
  inspections: { zh: '执法检查（次）', en: 'Inspections' },
  inspectorVisits: { zh: '出动执法人员（人次）', en: 'Inspector visits' },
  casesFiled: { zh: '立案（件）', en: 'Cases filed' },
  decisions: { zh: '下达处罚决定书（件）', en: 'Penalty decisions' },
  penaltyFen: { zh: '罚款金额（分）', en: 'Penalties (fen)' },
  transfers: { zh: '移送公安、司法机关（件）', en: 'Transfers' },
  casesClosed: { zh: '结案（件）', en: 'Cases closed' },
};
