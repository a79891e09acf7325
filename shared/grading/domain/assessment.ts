/**
 * An assessment (绩效分级评定) of one enterprise under one industry's scheme version: draft → submitted → accepted →
 * published, or returned with reasons (and edited and submitted again). The grade is computed from the answers on every
 * change and stored with them; publishing makes it the enterprise's grade for that industry.
 */

import { usccSchema } from '#enterprises/domain/uscc.ts';
import { type Attachment, attachmentRefSchema } from '#intake/domain/attachments.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { computeGrade, type GradeResult, type IndicatorValue, indicatorValueSchema, valueProblems } from './compute.ts';
import type { Grade } from './grades.ts';
import { type GradingScheme, slugSchema } from './scheme.ts';

export const assessmentStatuses = ['draft', 'submitted', 'returned', 'accepted', 'published'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const assessmentStatusLabels: Readonly<Record<AssessmentStatus, string>> = {
  draft: '草稿',
  submitted: '已提交待审核',
  returned: '已退回修改',
  accepted: '审核通过待发布',
  published: '已发布',
};

export const assessmentActions = ['submit', 'accept', 'return', 'publish'] as const;
export type AssessmentAction = (typeof assessmentActions)[number];

export const assessmentActionLabels: Readonly<Record<AssessmentAction, string>> = {
  submit: '提交审核',
  accept: '审核通过',
  return: '退回修改（须写明理由）',
  publish: '发布评级结果',
};

/** Who may do what: preparers fill in and submit; reviewers accept or return; publishers publish (or return). */
export const assessmentRoles = {
  prepare: ['handler', 'admin'],
  review: ['lead', 'supervisor'],
  publish: ['supervisor', 'admin'],
} as const satisfies Record<string, readonly OfficialRole[]>;

const rules: Readonly<
  Record<AssessmentAction, { from: readonly AssessmentStatus[]; to: AssessmentStatus; roles: readonly OfficialRole[] }>
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: assessmentRoles.prepare },
  accept: { from: ['submitted'], to: 'accepted', roles: assessmentRoles.review },
  return: {
    from: ['submitted', 'accepted'],
    to: 'returned',
    roles: [...new Set([...assessmentRoles.review, ...assessmentRoles.publish])],
  },
  publish: { from: ['accepted'], to: 'published', roles: assessmentRoles.publish },
};

export interface AssessmentHistoryEntry {
  readonly at: string;
  readonly by: string;
  readonly action: 'create' | 'update' | AssessmentAction;
  readonly fromStatus?: AssessmentStatus;
  readonly toStatus: AssessmentStatus;
  readonly reason?: string;
}

export interface Assessment {
  readonly id: string;
  readonly uscc: string;
  /** The enterprise's name when the assessment was made. */
  readonly enterpriseName: string;
  readonly industry: string;
  readonly industryName: string;
  readonly schemeVersion: number;
  /** The scheme is an example, not the official table: its grade is for trying Greenline out. */
  readonly schemeExample: boolean;
  readonly status: AssessmentStatus;
  readonly values: readonly IndicatorValue[];
  /** Evidence (photos, monitoring reports, ledgers), kept in the attachments bucket. */
  readonly attachments: readonly Attachment[];
  readonly note?: string;
  /** The grade the answers give, recomputed on every change. */
  readonly result: GradeResult;
  /** The grade published: the computed grade, or A+ when chosen among A firms. */
  readonly publishedGrade?: Grade;
  readonly publishedAt?: string;
  readonly submittedBy?: string;
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly history: readonly AssessmentHistoryEntry[];
}

const maxEvidence = 30;

/** A new assessment (`POST /v1/grading/assessments`). */
export const newAssessmentSchema = z
  .object({
    uscc: usccSchema.describe('企业统一社会信用代码 / the enterprise'),
    industry: slugSchema.describe('行业（评分方案）/ the industry whose scheme applies'),
    schemeVersion: z
      .int()
      .min(1)
      .optional()
      .describe('方案版本，缺省为现行版本 / the scheme version (default: the one in force)'),
    values: z.array(indicatorValueSchema).max(200).default([]).describe('各指标的填写 / the answers'),
    attachments: z
      .array(attachmentRefSchema)
      .max(maxEvidence)
      .default([])
      .describe('佐证材料（先经 POST /v1/attachments 上传）/ evidence, uploaded first'),
    note: plainText(1, 2000).optional().describe('说明 / a note'),
  })
  .strict();
export type NewAssessment = z.output<typeof newAssessmentSchema>;

/** A change of a draft or returned assessment (`PATCH`): what is given replaces what was there. */
export const assessmentChangeSchema = z
  .object({
    values: z.array(indicatorValueSchema).max(200).optional().describe('各指标的填写（整体替换）/ the answers'),
    attachments: z.array(attachmentRefSchema).max(maxEvidence).optional().describe('新增的佐证材料 / evidence to add'),
    note: plainText(1, 2000).optional().describe('说明 / a note'),
    version: z.int().min(1).optional().describe('所依据的版本；已被他人修改时返回 409 / the version read'),
  })
  .strict();
export type AssessmentChange = z.output<typeof assessmentChangeSchema>;

/** The body of an action (`POST …/actions/{action}`). */
export const assessmentActionSchema = z
  .object({
    reason: plainText(1, 2000).optional().describe('理由（退回时必填）/ the reason (required to return)'),
    aPlus: z
      .boolean()
      .optional()
      .describe('发布时评为 A+ 级（仅限方案设 A+、评定为 A 级的）/ publish as A+ (A firms, schemes with A+)'),
    version: z.int().min(1).optional().describe('所依据的版本 / the version read'),
  })
  .strict();
export type AssessmentActionInput = z.output<typeof assessmentActionSchema>;

const valuesChecked = (scheme: GradingScheme, values: readonly IndicatorValue[]): void => {
  const problems = valueProblems(scheme, values);
  if (problems.length > 0) throw new ValidationError(problems);
};

export const requireAssessmentRole = (principal: Principal, roles: readonly OfficialRole[], message: string): void => {
  if (!principal.roles.some((role) => roles.includes(role))) throw new ForbiddenError(message);
};

/** A new draft; its answers checked against the scheme and graded. */
export const draftAssessment = (input: {
  readonly id: string;
  readonly enterpriseName: string;
  readonly scheme: GradingScheme;
  readonly values: readonly IndicatorValue[];
  readonly attachments: readonly Attachment[];
  readonly note?: string;
  readonly uscc: string;
  readonly by: string;
  readonly at: string;
}): Assessment => {
  valuesChecked(input.scheme, input.values);
  return {
    id: input.id,
    uscc: input.uscc,
    enterpriseName: input.enterpriseName,
    industry: input.scheme.industry,
    industryName: input.scheme.industryName,
    schemeVersion: input.scheme.version,
    schemeExample: input.scheme.example,
    status: 'draft',
    values: input.values,
    attachments: input.attachments,
    ...(input.note ? { note: input.note } : {}),
    result: computeGrade(input.scheme, input.values),
    version: 1,
    createdAt: input.at,
    createdBy: input.by,
    updatedAt: input.at,
    history: [{ at: input.at, by: input.by, action: 'create', toStatus: 'draft' }],
  };
};

const checkVersion = (assessment: Assessment, version: number | undefined): void => {
  if (version !== undefined && version !== assessment.version) {
    throw new ConflictError(
      `评定已被他人修改（当前版本 ${assessment.version}，您看到的是版本 ${version}），请刷新后重试`,
    );
  }
};

/** A change of the answers, evidence or note, while the assessment is a draft or returned. */
export const changeAssessment = (
  assessment: Assessment,
  change: Omit<AssessmentChange, 'attachments'> & { readonly attachments?: readonly Attachment[] },
  scheme: GradingScheme,
  by: string,
  at: string,
): Assessment => {
  checkVersion(assessment, change.version);
  if (assessment.status !== 'draft' && assessment.status !== 'returned') {
    throw new ConflictError(`评定${assessmentStatusLabels[assessment.status]}，不能再修改`);
  }
  const values = change.values ?? assessment.values;
  valuesChecked(scheme, values);
  const known = new Set(assessment.attachments.map((attachment) => attachment.attachmentId));
  return {
    ...assessment,
    values,
    attachments: [
      ...assessment.attachments,
      ...(change.attachments ?? []).filter((attachment) => !known.has(attachment.attachmentId)),
    ],
    ...(change.note ? { note: change.note } : {}),
    result: computeGrade(scheme, values),
    version: assessment.version + 1,
    updatedAt: at,
    history: [
      ...assessment.history,
      { at, by, action: 'update', fromStatus: assessment.status, toStatus: assessment.status },
    ],
  };
};

/** The actions `principal` may take on `assessment` now. */
export const allowedAssessmentActions = (assessment: Assessment, principal: Principal): AssessmentAction[] =>
  assessmentActions.filter((action) => {
    const rule = rules[action];
    if (!rule.from.includes(assessment.status)) return false;
    if (!principal.roles.some((role) => rule.roles.includes(role))) return false;
    return !(action === 'accept' && assessment.submittedBy === principal.username);
  });

/**
 * Takes `action` on `assessment`: a submit needs every required indicator answered; a reviewer may not accept what they
 * submitted; a return needs a reason; a publish may choose A+ for an A firm of a scheme with the A+ tier.
 */
export const actOnAssessment = (
  assessment: Assessment,
  action: AssessmentAction,
  input: AssessmentActionInput,
  scheme: Pick<GradingScheme, 'aPlus'>,
  principal: Principal,
  at: string,
): Assessment => {
  const rule = rules[action];
  requireAssessmentRole(principal, rule.roles, `您的角色不能${assessmentActionLabels[action]}`);
  checkVersion(assessment, input.version);
  if (!rule.from.includes(assessment.status)) {
    throw new ConflictError(`评定${assessmentStatusLabels[assessment.status]}，不能${assessmentActionLabels[action]}`);
  }
  if (action === 'submit' && !assessment.result.complete) {
    const names = new Map(assessment.result.indicators.map((outcome) => [outcome.indicatorId, outcome.name]));
    throw new ValidationError(
      assessment.result.missing.map((indicatorId) => ({
        path: 'values',
        message: `必填指标“${names.get(indicatorId) ?? indicatorId}”（${indicatorId}）尚未填写`,
      })),
    );
  }
  if (action === 'submit' && !assessment.result.grade) {
    throw new ValidationError([{ path: 'values', message: '尚未填写任何指标，无法定级' }]);
  }
  if (action === 'accept' && assessment.submittedBy === principal.username) {
    throw new ForbiddenError('提交人不能审核自己提交的评定');
  }
  if (action === 'return' && !input.reason) {
    throw new ValidationError([{ path: 'reason', message: '退回须写明理由' }]);
  }
  if (input.aPlus && action !== 'publish') {
    throw new ValidationError([{ path: 'aPlus', message: '只有发布时可评为 A+ 级' }]);
  }
  if (input.aPlus && (!scheme.aPlus || assessment.result.grade !== 'A')) {
    throw new ValidationError([
      { path: 'aPlus', message: scheme.aPlus ? 'A+ 级只在评定为 A 级的企业中评选' : '该行业方案不设 A+ 级' },
    ]);
  }
  const published =
    action === 'publish'
      ? { publishedGrade: (input.aPlus ? 'A+' : assessment.result.grade) as Grade, publishedAt: at }
      : {};
  return {
    ...assessment,
    status: rule.to,
    ...(action === 'submit' ? { submittedBy: principal.username } : {}),
    ...published,
    version: assessment.version + 1,
    updatedAt: at,
    history: [
      ...assessment.history,
      {
        at,
        by: principal.username,
        action,
        fromStatus: assessment.status,
        toStatus: rule.to,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    ],
  };
};
