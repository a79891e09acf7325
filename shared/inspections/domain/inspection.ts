/**
 * An inspection record (检查记录): a drawn (or ad hoc) visit to a registered firm — date, inspectors, items checked,
 * findings and evidence. A finding can put a violation on the firm's record (which flags an A or B firm for
 * re-grading), ask for a rectification problem, or open an enforcement case. The result is published (一公开) when it
 * is recorded; the policy's deadline says by when that must be after the visit.
 */
import type { PolicyStep } from '#deadlines/domain/periods.ts';
import { usccSchema } from '#enterprises/domain/uscc.ts';
import { attachmentRefSchema } from '#intake/domain/attachments.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { rectificationBands } from '#rectification/domain/details.ts';
import type { ProblemFields, ProblemOwners } from '#rectification/domain/problem.ts';
import { usernameSchema } from './inspectors.ts';
import { itemCodeSchema, periodSchema } from './plan.ts';

/** Publication policy (一公开): results public within 20 working days of the inspection. Data, versioned. */
export const publicationPolicy: { readonly version: number; readonly step: PolicyStep; readonly label: string } = {
  version: 1,
  step: { amount: 20, unit: 'working-days', startsNextDay: true, rollsOverHolidays: true },
  label: '检查结果自检查之日起 20 个工作日内公开',
};

const ulidSchema = (message: string) => z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, message);

export const rectificationRequestSchema = z
  .object({
    departmentId: usernameSchema.describe('责任单位（科室）的单位编号 / the responsible department'),
    band: z.enum(rectificationBands).describe('整改时限类型 / deadline band'),
    measures: plainText(2, 10_000).describe('整改要求 / the measures'),
    leadUsername: usernameSchema.optional().describe('责任领导 / lead official'),
    responsibleUsername: usernameSchema.optional().describe('责任人 / responsible person'),
  })
  .strict()
  .describe('据此登记整改问题（须信访办登记权限）/ open a rectification problem');

export const enforcementRequestSchema = z
  .object({ cause: plainText(2, 500).describe('案由 / the cause') })
  .strict()
  .describe('据此立案查处（立案文号由系统按序分配）/ file an enforcement case (its docket number is assigned)');

export const findingSchema = z
  .object({
    description: plainText(2, 2000).describe('发现的问题 / the finding'),
    item: itemCodeSchema.optional().describe('对应的检查事项 / the item it concerns'),
    violation: z
      .boolean()
      .default(false)
      .describe('查实的违法行为：记入企业违法记录，A、B 级企业标记待重新评级 / a substantiated violation'),
    serious: z.boolean().default(false).describe('严重违法 / serious'),
    rectification: rectificationRequestSchema.optional(),
    enforcement: enforcementRequestSchema.optional(),
  })
  .strict();
export type FindingInput = z.output<typeof findingSchema>;

/** `POST /v1/inspections`. */
export const newInspectionSchema = z
  .object({
    drawId: ulidSchema('抽取编号格式不正确')
      .optional()
      .describe('所属抽取（随机抽查）；省略为专项或日常检查 / the draw'),
    uscc: usccSchema.describe('被检查企业 / the firm'),
    date: z.iso.date('日期格式须为 YYYY-MM-DD').describe('检查日期 / the day'),
    inspectors: z
      .array(usernameSchema)
      .min(2, '现场检查须有两名以上执法人员')
      .max(6)
      .describe('执法人员（执法人员库中的用户名）/ inspectors'),
    substitutionReason: plainText(2, 500)
      .optional()
      .describe('实际执法人员与抽中人员不同时须说明理由 / why others went than those drawn'),
    itemsChecked: z.array(itemCodeSchema).min(1).max(50).describe('检查的事项 / items checked'),
    summary: plainText(2, 2000).describe('检查情况（公开）/ what was found, published'),
    findings: z.array(findingSchema).max(20).default([]).describe('发现的问题 / findings'),
    evidence: z.array(attachmentRefSchema).max(20).default([]).describe('证据材料（附件）/ evidence'),
  })
  .strict()
  .superRefine((input, context) => {
    input.inspectors.forEach((username, index) => {
      if (input.inspectors.indexOf(username) < index) {
        context.addIssue({ code: 'custom', path: ['inspectors', index], message: '执法人员重复' });
      }
    });
  });
export type NewInspection = z.output<typeof newInspectionSchema>;

export const inspectionsQuerySchema = z
  .object({
    period: periodSchema.optional().describe('期间（默认本季度）/ the quarter'),
    drawId: ulidSchema('抽取编号格式不正确').optional().describe('只看某次抽取的检查 / of one draw'),
  })
  .strict();

export const outcomes = ['no-issue', 'issues-found', 'rectification-ordered', 'case-filed'] as const;
export type InspectionOutcome = (typeof outcomes)[number];
export const outcomeLabels: Readonly<Record<InspectionOutcome, string>> = {
  'no-issue': '未发现问题',
  'issues-found': '发现问题',
  'rectification-ordered': '责令整改',
  'case-filed': '立案查处',
};

export interface Finding {
  readonly description: string;
  readonly item?: string;
  readonly violation: boolean;
  readonly serious: boolean;
  /**
   * The rectification problem opened from it: the id its case has (fixed when the inspection is recorded) and, once the
   * case is stored, its number (absent only while the problem is being opened).
   */
  readonly rectificationCaseId?: string;
  readonly rectificationNumber?: string;
  /** The enforcement case filed from it. */
  readonly enforcementCaseId?: string;
}

/**
 * A rectification problem a finding asks for, checked and planned when the inspection is recorded: the case id it will
 * have, what it is and who owns it. Stored in the inspection's transaction; its case is stored just after, exactly
 * once, under that id (`services/rectification-links.ts`).
 */
export interface PlannedRectification {
  /** The finding's index. */
  readonly finding: number;
  readonly caseId: string;
  readonly fields: ProblemFields;
  readonly owners: ProblemOwners;
}

export interface EvidenceFile {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}

export interface Inspection {
  readonly id: string;
  readonly number: string;
  readonly drawId?: string;
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly date: string;
  readonly inspectors: readonly {
    readonly username: string;
    readonly name: string;
    readonly certificateNumber: string;
  }[];
  readonly substitutionReason?: string;
  readonly itemsChecked: readonly { readonly code: string; readonly label: string }[];
  readonly summary: string;
  readonly findings: readonly Finding[];
  readonly evidence: readonly EvidenceFile[];
  readonly outcome: InspectionOutcome;
  /** Whether a violation was put on the firm's record, and whether that flagged it for re-grading. */
  readonly violationRecorded: boolean;
  readonly regradeFlagged: boolean;
  readonly unitId: string;
  readonly unitPath: readonly string[];
  /** Published when recorded; the policy's deadline, and whether it was met. */
  readonly publishedAt: string;
  readonly publishBy: string;
  readonly publishedLate: boolean;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** `JC-20260415-7QX4ZR`: the day and the id's last six characters. */
export const inspectionNumber = (id: string, date: string): string => `JC-${date.replaceAll('-', '')}-${id.slice(-6)}`;

export const outcomeOf = (findings: readonly Finding[]): InspectionOutcome => {
  if (findings.some((finding) => finding.enforcementCaseId)) return 'case-filed';
  if (findings.some((finding) => finding.rectificationCaseId)) return 'rectification-ordered';
  return findings.length > 0 ? 'issues-found' : 'no-issue';
};
