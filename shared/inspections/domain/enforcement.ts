/**
 * Enforcement cases (行政处罚案件): filed (立案), a penalty decision (处罚决定书) with its amount, a transfer to the police
 * or the judiciary (移送), closed (结案). Each step is a day (Asia/Shanghai) and is counted on that day.
 */
import type { OrgUnit } from '#directory/domain/org-units.ts';
import { usccSchema } from '#enterprises/domain/uscc.ts';
import { ConflictError } from '#platform/domain/errors.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';

export const enforcementStates = ['filed', 'decided', 'closed'] as const;
export type EnforcementState = (typeof enforcementStates)[number];
export const enforcementStateLabels: Readonly<Record<EnforcementState, string>> = {
  filed: '已立案',
  decided: '已作出处罚决定',
  closed: '已结案',
};

export const transferTargets = ['police', 'judiciary'] as const;
export type TransferTarget = (typeof transferTargets)[number];
export const transferTargetLabels: Readonly<Record<TransferTarget, string>> = {
  police: '公安机关',
  judiciary: '司法机关',
};

const day = (description: string) => z.iso.date('日期格式须为 YYYY-MM-DD').describe(description);

/** Yuan with at most two decimals, kept as whole fen (分) so that totals add up exactly. */
export const yuanSchema = z
  .number()
  .min(0, '罚款金额不能为负')
  .max(100_000_000, '罚款金额过大')
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, '罚款金额最多精确到分')
  .describe('罚款金额（元）/ the fine, yuan');

export const toFen = (yuan: number): number => Math.round(yuan * 100);

/** `POST /v1/enforcement-cases`. */
export const newEnforcementCaseSchema = z
  .object({
    uscc: usccSchema.describe('当事企业 / the firm'),
    cause: plainText(2, 500).describe('案由 / the cause'),
    filedOn: day('立案日期 / filed on'),
    inspectionId: z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '检查记录编号格式不正确')
      .optional()
      .describe('来源检查记录 / the inspection it came from'),
  })
  .strict();
export type NewEnforcementCase = z.output<typeof newEnforcementCaseSchema>;

/**
 * The docket number (立案文号) the system assigns on filing: `环立〔2026〕12号` — the year of the filing day (an
 * Asia/Shanghai day) and the case's place in that year's series of the enforcement body filing it. Never typed in.
 */
export const docketNumberOf = (year: number, sequence: number): string => `环立〔${year}〕${sequence}号`;

/**
 * The enforcement body whose series numbers a case: the nearest bureau or branch (局、分局) on the filing unit's path,
 * root first — the authority cases are filed in the name of; its departments (监察大队, 管理科 …) share its series, as
 * they share its document numbers.
 */
export const docketUnitOf = (path: readonly Pick<OrgUnit, 'id' | 'kind'>[]): string => {
  const body = path.findLast((unit) => unit.kind !== 'department') ?? path[0];
  if (!body) throw new RangeError('a unit path has at least the unit itself');
  return body.id;
};

/** `POST /v1/enforcement-cases/{id}/steps`. */
export const enforcementStepSchema = z.discriminatedUnion('step', [
  z
    .object({
      step: z.literal('decide').describe('作出处罚决定 / a penalty decision'),
      on: day('决定日期 / the day'),
      decisionNumber: plainText(1, 50).describe('处罚决定书文号 / decision number'),
      penaltyYuan: yuanSchema,
      summary: plainText(2, 1000).describe('处罚内容 / what was decided'),
      version: z.int().min(1).describe('所依据的版本 / the version read'),
    })
    .strict(),
  z
    .object({
      step: z.literal('transfer').describe('移送 / a transfer'),
      on: day('移送日期 / the day'),
      to: z.enum(transferTargets).describe('移送对象：police 公安机关；judiciary 司法机关 / to whom'),
      reason: plainText(2, 500).describe('移送理由 / why'),
      version: z.int().min(1).describe('所依据的版本 / the version read'),
    })
    .strict(),
  z
    .object({
      step: z.literal('close').describe('结案 / close'),
      on: day('结案日期 / the day'),
      result: plainText(2, 1000).describe('结案情况 / the result'),
      version: z.int().min(1).describe('所依据的版本 / the version read'),
    })
    .strict(),
]);
export type EnforcementStep = z.output<typeof enforcementStepSchema>;

export interface EnforcementCase {
  readonly id: string;
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly cause: string;
  /** 立案文号, assigned on filing: {@link docketNumberOf}. */
  readonly docketNumber: string;
  readonly inspectionId?: string;
  readonly state: EnforcementState;
  readonly filedOn: string;
  readonly decision?: {
    readonly on: string;
    readonly decisionNumber: string;
    readonly penaltyFen: number;
    readonly summary: string;
  };
  readonly transfer?: { readonly on: string; readonly to: TransferTarget; readonly reason: string };
  readonly closing?: { readonly on: string; readonly result: string };
  readonly unitId: string;
  readonly unitPath: readonly string[];
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** The case after `step`, or a ConflictError saying why the step does not fit. */
export const applyStep = (current: EnforcementCase, step: EnforcementStep, by: string, at: string): EnforcementCase => {
  if (step.version !== current.version) {
    throw new ConflictError(`案件已被他人修改（当前版本 ${current.version}），请刷新后重试`);
  }
  if (current.state === 'closed') throw new ConflictError('案件已结案');
  if (step.on < current.filedOn) throw new ConflictError(`日期不能早于立案日期 ${current.filedOn}`);
  const base = { ...current, version: current.version + 1, updatedAt: at, updatedBy: by };
  switch (step.step) {
    case 'decide':
      if (current.decision) throw new ConflictError('已作出处罚决定');
      return {
        ...base,
        state: 'decided',
        decision: {
          on: step.on,
          decisionNumber: step.decisionNumber,
          penaltyFen: toFen(step.penaltyYuan),
          summary: step.summary,
        },
      };
    case 'transfer':
      if (current.transfer) throw new ConflictError('案件已移送');
      return { ...base, transfer: { on: step.on, to: step.to, reason: step.reason } };
    case 'close':
      return { ...base, state: 'closed', closing: { on: step.on, result: step.result } };
  }
};

export const enforcementQuerySchema = z
  .object({
    unit: z.string().trim().min(1).max(100).optional().describe('单位（默认本人所在单位），含下级 / the unit'),
    period: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^\d{4}(-Q[1-4])?$/, '期间格式须为 YYYY 或 YYYY-Qn')
      .optional()
      .describe('期间：年（2026）或季度（2026-Q2），默认本年 / the year or quarter'),
    recount: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .describe('同时按记录重算并与计数核对 / also recount from the records'),
  })
  .strict();
export type EnforcementQuery = z.output<typeof enforcementQuerySchema>;
