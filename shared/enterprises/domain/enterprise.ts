/**
 * The enterprise register (企业名录): each enterprise keyed by its USCC, with its industries, place, contacts, flags,
 * positive-list status, and its performance grade — per industry and overall (the lowest, 短板原则) — with the history
 * of how it got there. Only a published assessment changes a grade after registration; a grade recorded at
 * registration (a bureau's list from before Greenline) is kept as history like any other.
 */
import { compareGrades, type Grade, gradeSchema, lowestGrade } from '#grading/domain/grades.ts';
import { ConflictError } from '#platform/domain/errors.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import type { PositiveListChange, RegradeFlag, Violation } from './records.ts';
import { usccSchema } from './uscc.ts';

/** Mainland mobile numbers, or landlines with area code (and an optional extension), as intake accepts them. */
const phonePattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** 国民经济行业分类 (GB/T 4754-2017): the section letter and 2–4 digits (C3360 金属表面处理及热处理加工). */
export const industryCodeSchema = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-T]\d{2,4}$/, '行业代码须为门类字母加 2–4 位数字（国民经济行业分类，如 C3360）'));

export const industrySchema = z
  .object({
    code: industryCodeSchema.describe('国民经济行业分类代码 / GB/T 4754 code (C3360)'),
    label: plainText(1, 50).describe('行业名称 / its name (金属表面处理及热处理加工)'),
  })
  .strict();

export const contactSchema = z
  .object({
    name: plainText(1, 50).describe('姓名 / name'),
    phone: z
      .string()
      .trim()
      .regex(phonePattern, '电话号码格式不正确（手机号 11 位，或带区号的固定电话）')
      .optional()
      .describe('电话 / phone'),
    title: plainText(1, 50).optional().describe('职务（环保负责人 …）/ role at the firm'),
  })
  .strict();

export const positiveListStatuses = ['not-listed', 'listed', 'removed'] as const;
export type PositiveListStatus = (typeof positiveListStatuses)[number];
export const positiveListLabels: Readonly<Record<PositiveListStatus, string>> = {
  'not-listed': '未纳入正面清单',
  listed: '已纳入正面清单',
  removed: '已移出正面清单',
};

/** Names are searched by their two-character pieces; at 50 characters a change of name fits in one transaction. */
export const maxNameLength = 50;

const editableShape = {
  name: plainText(2, maxNameLength).describe('企业名称 / name'),
  industries: z
    .array(industrySchema)
    .min(1)
    .max(5)
    .describe('所属行业（第一项为主行业）/ industries, the main one first'),
  address: plainText(2, 200).describe('地址 / address'),
  town: plainText(1, 50).describe('所在乡镇（街道）/ town or street'),
  contacts: z.array(contactSchema).max(5).describe('联系人 / contacts'),
  keyPolluter: z.boolean().describe('重点排污单位 / key polluter'),
  vocs: z.boolean().describe('涉 VOCs 排放 / emits VOCs'),
  positiveList: z.enum(positiveListStatuses).describe('正面清单状态 / positive-list status'),
};

/** A new enterprise (`POST /v1/enterprises`, and each row of an import). */
export const newEnterpriseSchema = z
  .object({
    uscc: usccSchema.describe('统一社会信用代码（18 位，含校验码）/ unified social credit code'),
    ...editableShape,
    contacts: editableShape.contacts.default([]),
    keyPolluter: editableShape.keyPolluter.default(false),
    vocs: editableShape.vocs.default(false),
    positiveList: editableShape.positiveList.default('not-listed'),
    grade: gradeSchema
      .optional()
      .describe('登记前已有的绩效分级（如原有名录所载）；此后只由发布的评定改变 / a grade from before Greenline'),
  })
  .strict();
export type NewEnterprise = z.output<typeof newEnterpriseSchema>;

/**
 * A change (`PATCH /v1/enterprises/{uscc}`): the fields given replace the stored ones. Grades change only by
 * assessment, the positive-list status only through the positive list's routes (with a reason, under its rules).
 */
export const enterpriseChangeSchema = z
  .object({
    name: editableShape.name.optional(),
    industries: editableShape.industries.optional(),
    address: editableShape.address.optional(),
    town: editableShape.town.optional(),
    contacts: editableShape.contacts.optional(),
    keyPolluter: editableShape.keyPolluter.optional(),
    vocs: editableShape.vocs.optional(),
    version: z.int().min(1).optional().describe('所依据的版本；已被他人修改时返回 409 / the version read'),
  })
  .strict()
  .refine((change) => Object.keys(change).some((key) => key !== 'version'), '没有要修改的内容');
export type EnterpriseChange = z.output<typeof enterpriseChangeSchema>;

export interface Industry {
  readonly code: string;
  readonly label: string;
}

export interface Contact {
  readonly name: string;
  readonly phone?: string;
  readonly title?: string;
}

/** The grade of one industry, from its latest published assessment. */
export interface IndustryGrade {
  readonly industry: string;
  readonly industryName: string;
  readonly grade: Grade;
  readonly assessmentId: string;
  readonly schemeVersion: number;
  readonly publishedAt: string;
}

/** One step of the grade history. */
export interface GradeHistoryEntry {
  readonly at: string;
  readonly by: string;
  /** `register`: recorded at registration; `assessment`: a published assessment. */
  readonly source: 'register' | 'assessment';
  /** The overall grade after the step (absent when the firm has none). */
  readonly grade?: Grade;
  readonly previousGrade?: Grade;
  readonly industry?: string;
  readonly industryName?: string;
  readonly industryGrade?: Grade;
  readonly assessmentId?: string;
  /** The help plan this step opened (graded D) or closed (graded C or better again): its case. */
  readonly helpPlanOpened?: string;
  readonly helpPlanClosed?: string;
}

/**
 * The help plan (帮扶) of an enterprise graded D: its case, planned with the grade that opens it and stored just after
 * (`opening` until then), and `closing` from the grade that restores C or better until the case is closed. The planned
 * id makes storing the case exactly-once: whoever completes an `opening` plan stores the case under that id, once.
 */
export interface EnterpriseHelpPlan {
  readonly caseId: string;
  readonly state: 'opening' | 'open' | 'closing';
  /** The published assessment that opened it, and the unit of the official who published it (owns the case). */
  readonly assessmentId: string;
  readonly unitId: string;
  readonly since: string;
}

export interface Enterprise {
  readonly uscc: string;
  readonly name: string;
  readonly industries: readonly Industry[];
  readonly address: string;
  readonly town: string;
  readonly contacts: readonly Contact[];
  readonly keyPolluter: boolean;
  readonly vocs: boolean;
  readonly positiveList: PositiveListStatus;
  /** The overall grade: the lowest of the industries' grades (短板原则); absent while never graded. */
  readonly grade?: Grade;
  readonly industryGrades: readonly IndustryGrade[];
  readonly gradeHistory: readonly GradeHistoryEntry[];
  readonly helpPlan?: EnterpriseHelpPlan;
  /** Marked for re-assessment by a substantiated complaint while graded A or B; the next published grade clears it. */
  readonly regrade?: RegradeFlag;
  /** Substantiated violations on record (complaints closed as substantiated against it), oldest first. */
  readonly violations?: readonly Violation[];
  /** Every entry to and removal from the positive list, oldest first. */
  readonly positiveListHistory?: readonly PositiveListChange[];
  /** Removed for a serious violation: the first day it may enter again (`YYYY-MM-DD`). */
  readonly positiveListBarredUntil?: string;
  /** The import that registered it (the file's SHA-256), when it came from a sheet. */
  readonly importId?: string;
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** A registered enterprise, from its input. */
export const registerEnterprise = (input: NewEnterprise, by: string, at: string, importId?: string): Enterprise => {
  const { grade, ...fields } = input;
  return {
    ...fields,
    ...(grade ? { grade } : {}),
    ...(importId ? { importId } : {}),
    industryGrades: [],
    gradeHistory: grade ? [{ at, by, source: 'register', grade }] : [],
    // A firm registered as listed came from the bureau's own list: the history says so, not a decision under the rules.
    ...(fields.positiveList === 'listed'
      ? {
          positiveListHistory: [
            { at, by, action: 'enter', reason: '登记时已在正面清单（原有名录）', rulesVersion: 0 } as const,
          ],
        }
      : {}),
    version: 1,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
  };
};

const checkVersion = (enterprise: Enterprise, version: number | undefined): void => {
  if (version !== undefined && version !== enterprise.version) {
    throw new ConflictError(
      `企业信息已被他人修改（当前版本 ${enterprise.version}，您看到的是版本 ${version}），请刷新后重试`,
    );
  }
};

/** The enterprise with `change` applied. */
export const changeEnterprise = (
  enterprise: Enterprise,
  change: EnterpriseChange,
  by: string,
  at: string,
): Enterprise => {
  checkVersion(enterprise, change.version);
  const { version: _version, ...fields } = change;
  return { ...enterprise, ...fields, version: enterprise.version + 1, updatedAt: at, updatedBy: by };
};

/** The overall grade of industry grades: the lowest (a firm in several industries takes its lowest industry grade). */
export const overallGrade = (industryGrades: readonly Pick<IndustryGrade, 'grade'>[]): Grade | undefined =>
  lowestGrade(industryGrades.map((entry) => entry.grade));

/**
 * The enterprise after an assessment published `entry`: the industry's grade replaced, the overall grade recomputed
 * (the lowest of its industries'), the step added to the history. A grade recorded at registration gives way to the
 * first published assessment.
 */
export const applyPublishedGrade = (
  enterprise: Enterprise,
  entry: IndustryGrade,
  by: string,
  /** The case a help plan would have, and the unit owning it, should this grade open one. */
  plannedHelpPlan?: { readonly caseId: string; readonly unitId: string },
): Enterprise => {
  const industryGrades = [...enterprise.industryGrades.filter((other) => other.industry !== entry.industry), entry];
  const grade = overallGrade(industryGrades) as Grade;
  const current = enterprise.helpPlan;
  const helpPlan = nextHelpPlan(current, grade, entry, plannedHelpPlan);
  const step: GradeHistoryEntry = {
    at: entry.publishedAt,
    by,
    source: 'assessment',
    grade,
    ...(enterprise.grade ? { previousGrade: enterprise.grade } : {}),
    industry: entry.industry,
    industryName: entry.industryName,
    industryGrade: entry.grade,
    assessmentId: entry.assessmentId,
    ...(helpPlan && !current ? { helpPlanOpened: helpPlan.caseId } : {}),
    ...(current && helpPlan?.state === 'closing' && current.state !== 'closing'
      ? { helpPlanClosed: current.caseId }
      : {}),
  };
  const { helpPlan: _previous, regrade: _reassessed, ...rest } = enterprise;
  return {
    ...rest,
    grade,
    industryGrades,
    gradeHistory: [...enterprise.gradeHistory, step],
    ...(helpPlan ? { helpPlan } : {}),
    version: enterprise.version + 1,
    updatedAt: entry.publishedAt,
    updatedBy: by,
  };
};

/**
 * A grade of D opens a help plan unless one is open; a grade of C or better closes the open one. A plan already
 * closing stays closing whatever the grade: a D published in the moment between a C and the closing of its case opens
 * no second plan (the next assessment of the firm does).
 */
const nextHelpPlan = (
  current: EnterpriseHelpPlan | undefined,
  grade: Grade,
  entry: IndustryGrade,
  planned: { readonly caseId: string; readonly unitId: string } | undefined,
): EnterpriseHelpPlan | undefined => {
  if (grade === 'D') {
    if (current || !planned) return current;
    return { ...planned, state: 'opening', assessmentId: entry.assessmentId, since: entry.publishedAt };
  }
  return current ? { ...current, state: 'closing' } : undefined;
};

/** The enterprise once its help plan's case is stored (`open`) or closed (no plan). */
export const settledHelpPlan = (enterprise: Enterprise, at: string, by: string): Enterprise => {
  const { helpPlan, ...rest } = enterprise;
  const base = { ...rest, version: enterprise.version + 1, updatedAt: at, updatedBy: by };
  if (helpPlan?.state === 'opening') return { ...base, helpPlan: { ...helpPlan, state: 'open' } };
  return base;
};

/** Whether the grade went down (a downgrade, e.g. to D, opens a help plan). */
export const isDowngrade = (before: Grade | undefined, after: Grade): boolean =>
  before !== undefined && compareGrades(after, before) > 0;
