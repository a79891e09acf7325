/**
 * The case-handling routes: lists, a case, its access log, "my work" and the workflow actions — with the zod schemas
 * the functions parse with and the schemas of what they answer (`Case`, `CaseSummary` … are shared with intake and
 * the ledger).
 */

import { caseStates } from '#cases/domain/case.ts';
import { caseListQuerySchema } from '#cases/domain/case-query.ts';
import type { CaseSummary } from '#cases/domain/case-summary.ts';
import type { CaseView } from '#cases/domain/case-view.ts';
import { caseIdSchema } from '#cases/domain/ids.ts';
import { caseKindLabels, stateLabels, substantiationLabels, transferBodyLabels } from '#cases/domain/labels.ts';
import type { ComplainantView } from '#cases/domain/privacy.ts';
import { transferIdSchema, transferInputSchema, transferOutcomeInputSchema } from '#cases/domain/transfers.ts';
import { type ActionName, actionInputSchemas, actionNames, actionRules } from '#cases/domain/workflow.ts';
import type { CaseList, MyWork } from '#cases/services/list-cases.ts';
import type { CaseTransfers } from '#cases/services/list-transfers.ts';
import type { readAccessLog } from '#cases/services/read-case.ts';
import type { RecordedTransfer } from '#cases/services/record-transfer.ts';
import { type CaseClock, type CaseTimeLimits, colourLabels } from '#deadlines/domain/deadlines.ts';
import { clockNames } from '#deadlines/domain/time-limit-policies.ts';
import { gradeLabels } from '#grading/domain/grades.ts';
import { type Attachment, attachmentContentTypes } from '#intake/domain/attachments.ts';
import { channels, pollutionCategories, urgencies } from '#intake/domain/complaint-input.ts';
import { officialRoles } from '#platform/domain/principal.ts';
import { z } from '#platform/domain/zod.ts';
import {
  type ApiParameter,
  type ApiRoute,
  count,
  created,
  describeEnum,
  enumOf,
  flag,
  instant,
  jsonRequest,
  narrowSchemaFor,
  ok,
  schemaFor,
  text,
} from '#platform/http/api-registry.ts';
import {
  closeOutStageLabels,
  lookBackOutcomeLabels,
  rectificationBandLabels,
  rectificationSourceLabels,
  strikeOffOutcomeLabels,
} from '#rectification/domain/details.ts';

export const caseStateSchema = z.enum(caseStates).meta({ id: 'CaseState', description: describeEnum(stateLabels) });

const colour = enumOf(colourLabels).describe('进度色标 / progress colour');
const channel = z.enum(channels).describe('来源渠道 / channel');
const category = z.enum(pollutionCategories).describe('污染类别 / pollution category');
const urgency = z.enum(urgencies).describe('紧急程度 / urgency');

const complainantViewSchema = schemaFor<ComplainantView>()(
  z
    .object({
      anonymous: flag('匿名投诉 / anonymous'),
      confidential: flag('要求对身份保密 / identity to be kept confidential'),
      name: text('姓名（可能已遮蔽）/ name, possibly masked').optional(),
      phone: text('电话（可能已遮蔽）/ phone, possibly masked').optional(),
      email: text('电子邮箱（可能已遮蔽）/ email, possibly masked').optional(),
      unmasked: flag(
        '为 true 时姓名、电话、邮箱为原文（此次查看已记录）/ true when shown as stored (the read is recorded)',
      ),
    })
    .meta({
      id: 'ComplainantView',
      description:
        '投诉人：除受理和信访办外，姓名、电话、邮箱均遮蔽；保密或匿名时不显示 / the complainant, masked unless the caller may know them',
    }),
);

const attachmentSchema = schemaFor<Attachment>()(
  z
    .object({
      attachmentId: text('附件编号 / attachment id'),
      fileName: text('文件名 / file name'),
      contentType: z.enum(attachmentContentTypes).describe('文件类型 / media type'),
      size: count('字节数 / bytes'),
      key: text('存储位置（附件存储桶中的对象键）/ object key in the attachments bucket'),
    })
    .describe('附件 / an attachment'),
);

const complaintDetailsSchema = schemaFor<NonNullable<CaseView['complaint']>>()(
  z
    .object({
      channel,
      complainant: complainantViewSchema.optional(),
      place: z
        .object({
          address: text('地址 / address'),
          town: text('乡镇（街道）/ town').optional(),
          coordinates: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
        })
        .describe('地点 / place'),
      source: z
        .object({
          name: text('名称 / name'),
          uscc: text('统一社会信用代码 / unified social credit code').optional(),
        })
        .optional()
        .describe('被投诉单位 / the enterprise complained about'),
      category,
      description: text('投诉内容 / description'),
      urgency,
      attachments: z.array(attachmentSchema).optional().describe('照片、录音等附件 / photos, recordings and documents'),
    })
    .meta({ id: 'ComplaintDetails', description: '信访件内容 / what the complaint is about' }),
);

const assignmentSchema = schemaFor<NonNullable<CaseView['assignment']>>()(
  z
    .object({
      departmentId: text('承办科室 / department'),
      departmentPath: z
        .array(z.string())
        .describe('承办科室从根单位起的路径 / the department’s path from the root unit'),
      responsibleUsername: text('责任人 / responsible person'),
      leadUsername: text('包案领导 / lead official'),
      assignedAt: instant('派单时间 / assigned at'),
      assignedBy: text('派单人 / assigned by'),
    })
    .meta({
      id: 'Assignment',
      description:
        '派单：承办科室、责任人、包案领导 / the assignment: department, responsible person and lead official',
    }),
);

const extensionSchema = schemaFor<CaseView['extensions'][number]>()(
  z
    .object({
      status: z
        .enum(['requested', 'approved', 'refused'])
        .describe('申请中、已批准、不批准 / requested, approved, refused'),
      days: count('延期天数 / days', 1),
      reason: text('理由 / reason'),
      requestedAt: instant('申请时间 / requested at'),
      requestedBy: text('申请人 / requested by'),
      decidedAt: instant('审批时间 / decided at').optional(),
      decidedBy: text('审批人 / decided by').optional(),
      decisionNote: text('审批意见 / decision note').optional(),
    })
    .meta({ id: 'Extension', description: '延期申请 / an extension request' }),
);

const caseResultSchema = schemaFor<NonNullable<CaseView['result']>>()(
  z
    .object({
      text: text('办理情况（内部）/ what the department found and did (internal)'),
      publicReply: text('答复投诉人的内容 / the reply to the complainant'),
      substantiated: enumOf(substantiationLabels)
        .optional()
        .describe('投诉核查结论：属实、部分属实、不属实 / whether the complaint was substantiated'),
      submittedAt: instant('提交时间 / submitted at'),
      submittedBy: text('提交人 / submitted by'),
    })
    .meta({ id: 'CaseResult', description: '办理结果 / the result' }),
);

const transferBody = enumOf(transferBodyLabels).describe(
  `接收机关 / the receiving body：${describeEnum(transferBodyLabels)}`,
);

const transferSchema = schemaFor<NonNullable<CaseView['transfers']>[number]>()(
  z
    .object({
      id: text('移交编号（ULID）/ transfer id (ULID)'),
      at: instant('登记时间 / recorded at'),
      date: z.iso.date().describe('移交日期（北京时间）/ the day it was handed over, Asia/Shanghai'),
      body: transferBody,
      bodyName: text('接收机关名称，如 市纪委监委 / the receiving body by name').optional(),
      reference: text('移交文号 / document number').optional(),
      summary: text('移交内容 / what was handed over'),
      outcome: text('办理结果 / what came of it').optional(),
      outcomeAt: z.iso.date().optional().describe('办理结果日期（北京时间）/ the day of the outcome'),
      by: text('登记人 / recorded by'),
    })
    .meta({
      id: 'Transfer',
      description:
        '移交线索（移送纪检监察机关、公安机关或司法机关）/ a lead handed to the discipline body, the police or the judiciary',
    }),
);

const caseTransfersSchema = schemaFor<CaseTransfers>()(
  z
    .object({
      caseId: text('督办事项编号 / case id'),
      number: text('文号 / human-readable number'),
      version: count('事项当前版本号 / the case’s version now', 1),
      transfers: z.array(transferSchema).describe('移交记录，先登记的在前 / the transfers, oldest first'),
    })
    .meta({ id: 'CaseTransfers', description: '督办事项的移交记录 / the transfers of a case' }),
);

const recordedTransferSchema = schemaFor<RecordedTransfer>()(
  z
    .object({
      caseId: text('督办事项编号 / case id'),
      version: count('变更后的事项版本号，下次写入时带上 / the case’s version after the change', 1),
      transfer: transferSchema,
    })
    .meta({ id: 'RecordedTransfer', description: '登记或更新后的移交记录 / the transfer as recorded' }),
);

const historyEntrySchema = schemaFor<NonNullable<CaseView['history']>[number]>()(
  z
    .object({
      caseId: text('督办事项编号 / case id'),
      sequence: count('序号，从 1 起 / position, from 1', 1),
      at: instant('时间 / when'),
      actor: text('操作人 / who'),
      role: z.enum([...officialRoles, 'system', 'public']).describe('操作人角色 / role'),
      action: text('操作（流程操作名，或 `register`、`absorb-duplicate` 等）/ the action'),
      fromState: caseStateSchema.nullable().describe('原状态 / state before'),
      toState: caseStateSchema,
      reason: text('理由或意见 / reason or note').optional(),
      changes: z.record(z.string(), z.unknown()).describe('改动的内容 / what changed'),
    })
    .meta({
      id: 'HistoryEntry',
      description:
        '办理历史中的一条：谁、何时、做了什么、为何、改了什么 / one history entry: who did what, when, why, what changed',
    }),
);

const caseClockSchema = schemaFor<CaseClock>()(
  z
    .object({
      policyId: text('计算该时限的时限规则 / the policy that computed this clock').optional(),
      policyVersion: count('该规则所在版本 / the version of the policies it came from', 1).optional(),
      startedAt: instant('起算时间 / when the clock started'),
      dueAt: instant('期限 / the deadline'),
      dueDate: z.iso.date().describe('期限所在日（北京时间）/ the last day, Asia/Shanghai'),
      warnFrom: instant('预警起点（转黄）/ when it turns yellow'),
      missingCalendarYears: z
        .array(z.int())
        .optional()
        .describe(
          '期限或其催办、督办日缺少节假日数据的年份：仅供参考，录入后由夜间检查重算 / years without calendar data that the ' +
            'deadline or its escalation days needed: flagged until the year is entered and the nightly check recomputes it',
        ),
      extendedDays: count('已延期天数 / days extended').optional(),
      reminderAt: instant('超期后催办时间 / when the reminder falls due').optional(),
      supervisionAt: instant('超期后督办时间 / when the supervision notice falls due').optional(),
      reminded: flag('已催办 / reminder sent').optional(),
      supervised: flag('已督办 / supervision notice sent').optional(),
    })
    .describe('一个时限 / one clock'),
);

const timeLimitsSchema = schemaFor<CaseTimeLimits>()(
  z
    .object({
      policyId: text('时限规则 / policy'),
      policyVersion: count('规则版本 / policy version', 1),
      clocks: z
        .partialRecord(z.enum(clockNames), caseClockSchema)
        .describe('accept 受理、sign 签收、finish 办结、review 复核 / the clocks by name'),
    })
    .describe(
      '办理时限：所依据的时限规则及其版本，各时限（accept 受理、sign 签收、finish 办结、review 复核）的起算时间、期限、预警起点和催办、督办时间 / ' +
        'deadlines: the policy and version they come from, and each clock with its start, deadline, warning start and escalation times',
    ),
);

const day = (description: string) => z.iso.date().describe(description);
const personRefSchema = z
  .object({
    name: text('姓名（如所写）/ the name as written'),
    username: text('对应的用户；无此项表示仅按姓名记录 / the user, when known').optional(),
  })
  .describe('人员 / a person');
const stepBy = { at: instant('记录时间 / recorded at'), by: text('记录人 / by') };

const closeOutSchema = schemaFor<NonNullable<NonNullable<CaseView['rectification']>['closeOut']>>()(
  z
    .object({
      application: z
        .object({
          ...stepBy,
          result: text('整改完成情况 / what was done'),
          evidence: z.array(attachmentSchema).describe('整改佐证材料 / evidence'),
        })
        .optional()
        .describe('销号申请（承办科室）/ the application'),
      onSiteCheck: z
        .object({
          ...stepBy,
          date: day('核查日期 / the day'),
          inspectors: text('核查人员 / inspectors'),
          findings: text('核查情况 / findings'),
          passed: flag('核查通过 / passed'),
        })
        .optional()
        .describe('现场核查 / the on-site check'),
      signOff: z
        .object({ ...stepBy, note: text('备注 / note').optional() })
        .optional()
        .describe('包案领导签字确认 / the lead’s sign-off'),
      publication: z
        .object({
          ...stepBy,
          startDate: day('公示起始日 / first day'),
          endDate: day('公示截止日（按工作日计）/ last day, in working days'),
          workingDays: count('公示期（工作日）/ working days'),
          where: text('公示方式或网址 / where').optional(),
          missingCalendarYears: z.array(z.int()).optional().describe('缺少节假日数据的年份 / years without calendar'),
        })
        .optional()
        .describe('公示（销号不等待公示期满）/ the publication (strike-off does not wait for its end)'),
      struckOff: z
        .object({ ...stepBy, outcome: enumOf(strikeOffOutcomeLabels), note: text('备注 / note').optional() })
        .optional()
        .describe('销号 / the strike-off'),
    })
    .describe(`销号进度（${Object.values(closeOutStageLabels).join('→')}）/ the close-out steps taken`),
);

const helpPlanSchema = schemaFor<NonNullable<CaseView['helpPlan']>>()(
  z
    .object({
      uscc: text('企业统一社会信用代码 / the enterprise'),
      enterpriseName: text('企业名称 / its name'),
      assessmentId: text('评为 D 级的评定 / the assessment that graded it D'),
      industryName: text('行业 / industry'),
      grade: enumOf(gradeLabels).describe('评定等级 / the grade it was given'),
      targetGrade: enumOf(gradeLabels).describe('帮扶目标等级 / the grade to reach'),
      actions: z
        .array(
          z.object({
            indicatorId: text('指标 / indicator'),
            name: text('指标名称 / its name'),
            answer: text('评定时的情况 / what the assessment found').optional(),
            needs: text('达到目标等级须满足 / what the target grade needs'),
          }),
        )
        .describe('帮扶事项：拖累等级的指标及提升要求 / the indicators to bring up, with what the next grade needs'),
    })
    .meta({ id: 'HelpPlanDetails', description: '帮扶计划 / a help plan’s own fields' }),
);

const rectificationSchema = schemaFor<NonNullable<CaseView['rectification']>>()(
  z
    .object({
      source: enumOf(rectificationSourceLabels).describe('问题来源 / where it was found'),
      sourceReference: text('督察批次、交办文号等 / inspection batch or hand-down reference').optional(),
      ledgerNumber: text('来源台账中的序号 / the number in the ledger it came from').optional(),
      description: text('问题描述 / the problem'),
      plan: z
        .object({
          measures: text('整改措施 / measures'),
          milestones: z
            .array(z.object({ date: day('日期 / date'), description: text('节点内容 / what') }))
            .describe('整改节点 / milestones'),
        })
        .describe('整改方案 / the plan'),
      responsibleUnit: z.object({ id: text('单位编号 / unit id'), name: text('名称 / name') }).describe('责任单位'),
      leadOfficial: personRefSchema.optional().describe('责任领导 / lead official'),
      responsiblePerson: personRefSchema.optional().describe('责任人 / responsible person'),
      band: enumOf(rectificationBandLabels).describe('整改时限类型（期限见时限规则）/ deadline band'),
      targetDate: day('指定的整改期限（代替时限类型的期限）/ a target date given').optional(),
      fromCase: z
        .object({ caseId: text('编号 / id'), number: text('文号 / number') })
        .optional()
        .describe('来源信访件 / the complaint it came from'),
      importId: text('导入批次 / the import that created it').optional(),
      remark: text('备注 / remark').optional(),
      closeOut: closeOutSchema.optional(),
      lookBacks: z
        .array(
          z.object({
            dueDate: day('应回头看日期 / due'),
            scheduledAt: instant('安排时间 / scheduled at'),
            doneAt: instant('完成时间 / done at').optional(),
            by: text('记录人 / by').optional(),
            date: day('回头看日期 / the day').optional(),
            outcome: enumOf(lookBackOutcomeLabels).optional(),
            findings: text('回头看情况 / findings').optional(),
          }),
        )
        .optional()
        .describe('回头看（最后一条无结果者为待进行）/ look-backs; the last without an outcome is due'),
    })
    .meta({ id: 'RectificationDetails', description: '整改问题 / a rectification problem’s own fields' }),
);

export const caseViewSchema = schemaFor<CaseView>()(
  z
    .object({
      id: caseIdSchema.describe('编号（ULID）/ id (ULID)'),
      number: text('文号，如 GL-2026-000123 / human-readable number').meta({ examples: ['GL-2026-000123'] }),
      kind: enumOf(caseKindLabels),
      state: caseStateSchema,
      version: count('版本号：办理操作可带上，过期则 409 / version, for optimistic concurrency (stale → 409)', 1),
      unitId: text('所属单位 / owning unit'),
      unitPath: z.array(z.string()).describe('所属单位从根单位起的路径 / the owning unit’s path from the root'),
      receivedAt: instant('收到时间 / received at'),
      createdAt: instant('登记时间 / created at'),
      updatedAt: instant('更新时间 / updated at'),
      createdBy: text('登记人 / created by'),
      complaint: complaintDetailsSchema.optional(),
      historyLength: count('历史条数 / number of history entries'),
      assignment: assignmentSchema.optional(),
      returnCount: count('退单次数 / times returned'),
      extensions: z.array(extensionSchema).describe('延期申请 / extension requests'),
      result: caseResultSchema.optional(),
      rejectionReason: text('不予受理理由 / reason for not accepting').optional(),
      mergedInto: text('合并到的主件编号 / the master case this was merged into').optional(),
      mergedCases: z.array(z.string()).describe('并入本件的重复件 / duplicates merged into this case'),
      closedAt: instant('办结时间 / closed at').optional(),
      timeLimits: timeLimitsSchema.optional(),
      colour: colour.optional(),
      nextCheckAt: instant(
        '夜间检查下次需处理的时间（下一次色标变化或催办、督办）/ when the nightly check next looks at the case',
      ).optional(),
      late: flag('超期办结 / finished after its deadline').optional(),
      workingDaysToClose: count(
        '从收到到办结的工作日数（办结时记录）/ working days from receipt to the approval that closed it',
      ).optional(),
      reviewCount: count('申请复核次数 / times a review was asked for').optional(),
      reopenCount: count('重新办理次数 / times reopened').optional(),
      calendarMissingYears: z
        .array(z.int())
        .optional()
        .describe(
          '时限计算缺少节假日数据的年份（期限仅供参考，须补录日历）/ years without calendar data: those deadlines are flagged',
        ),
      duplicateCandidates: z
        .array(
          z.object({
            caseId: text('编号 / id'),
            number: text('文号 / number'),
            reasons: z.array(z.string()).describe('疑似重复的依据 / why it looks the same'),
          }),
        )
        .optional()
        .describe(
          '疑似重复的此前投诉，供信访办决定是否合并 / earlier complaints that look like the same matter, for the dispatcher',
        ),
      trackingCode: text('公众查询码 / the public tracking code').optional(),
      transfers: z
        .array(transferSchema)
        .optional()
        .describe('移交线索记录（不改变状态）/ leads handed to other bodies; they do not change the state'),
      helpPlan: helpPlanSchema.optional(),
      rectification: rectificationSchema.optional(),
      rectificationProblems: z
        .array(
          z.object({ caseId: text('编号 / id'), number: text('文号 / number'), at: instant('关联时间 / linked at') }),
        )
        .optional()
        .describe('由本信访件产生的整改问题 / the rectification problems made from this complaint'),
      history: z
        .array(historyEntrySchema)
        .optional()
        .describe('办理历史（查看时返回）/ the history, when reading a case'),
      runningClocks: z
        .array(z.enum(clockNames))
        .describe(
          '本件当前状态下正在计时的时限（其余已停止或已完成），其色标按 warnFrom、dueAt 判断 / the clocks running in the ' +
            'case’s state (the others are stopped or done); each one’s colour follows its warnFrom and dueAt',
        ),
      allowedActions: z
        .array(z.enum(actionNames))
        .optional()
        .describe(
          '调用者此刻可对本件执行的流程操作（按角色、管辖范围、状态和次数限制；查看时返回）/ ' +
            'the actions the caller may take on the case now, by role, scope, state and limits (when reading a case)',
        ),
    })
    .meta({
      id: 'Case',
      description:
        '督办事项（按调用者权限遮蔽投诉人信息）/ a case, the complainant masked as the caller’s roles require',
    }),
);

// The summary's type says `string` where the API promises the enums.
export const caseSummarySchema = narrowSchemaFor<CaseSummary>()(
  z
    .object({
      id: text('编号（ULID）/ id (ULID)'),
      number: text('文号 / human-readable number'),
      kind: enumOf(caseKindLabels),
      state: caseStateSchema,
      version: count(
        '列表项写入时的版本号；办理操作请以查看事项所得的版本为准 / the version when this listing entry was last written: read the case for the version to act on',
        1,
      ),
      unitId: text('所属单位 / owning unit'),
      receivedAt: instant('收到时间 / received at'),
      updatedAt: instant('更新时间 / updated at'),
      channel: channel.optional(),
      category: category.optional(),
      urgency: urgency.optional(),
      town: text('乡镇（街道）/ town').optional(),
      departmentId: text('承办科室 / department').optional(),
      responsibleUsername: text('责任人 / responsible person').optional(),
      leadUsername: text('包案领导 / lead official').optional(),
      colour: colour.optional(),
      late: flag('超期办结 / finished after its deadline').optional(),
      dueAt: instant('当前最近的期限 / the nearest running deadline').optional(),
      finishedAt: instant('办结（不予受理、合并）时间 / when it was finished').optional(),
      title: text('整改问题描述的开头 / the start of a rectification problem’s description').optional(),
      source: enumOf(rectificationSourceLabels).optional().describe('整改问题来源 / a problem’s source'),
      band: enumOf(rectificationBandLabels).optional().describe('整改时限类型 / a problem’s deadline band'),
      closeOutStage: enumOf(closeOutStageLabels).optional().describe('销号进度 / a problem’s close-out stage'),
      lookBackDue: day('待进行的回头看日期 / the look-back due').optional(),
      uscc: text('涉及企业的统一社会信用代码（投诉对象、帮扶企业）/ the enterprise it is about').optional(),
      scopeUnitIds: z.array(z.string()).describe('可查看此事项的单位 / units that may see the case'),
    })
    .meta({ id: 'CaseSummary', description: '列表中的督办事项摘要 / a case as lists show it' }),
);

const summaries = (description: string) => z.array(caseSummarySchema).describe(description);

export const caseListSchema = narrowSchemaFor<CaseList>()(
  z
    .object({
      items: summaries('本页的督办事项 / the cases of this page'),
      nextCursor: text(
        '下一页请带上 `cursor`；最后一页没有 / pass back as `cursor` for the next page; absent on the last',
      ).optional(),
    })
    .meta({ id: 'CaseList', description: '一页督办事项，新收到的在前 / one page of cases, newest first' }),
);

const myWorkSchema = narrowSchemaFor<MyWork>()(
  z
    .object({
      responsible: summaries('本人为责任人的未办结事项 / open cases where the caller is the responsible person'),
      lead: summaries('本人为包案领导的未办结事项 / open cases where the caller is the lead official'),
      awaitingSignature: summaries('已派到本科室、待签收 / assigned to the caller’s department, not yet signed for'),
      awaitingDispatch: summaries('待信访办处理（新登记、被退单）/ waiting for the petition office: new and returned'),
    })
    .meta({ id: 'MyWork', description: '等待调用者办理的事项，按其角色分组 / what waits for the caller, by role' }),
);

const personalDataAccessSchema = schemaFor<Awaited<ReturnType<typeof readAccessLog>>[number]>()(
  z.object({
    caseId: text('督办事项编号 / case id'),
    username: text('读取人 / who read'),
    roles: z.array(z.enum(officialRoles)).describe('读取人的角色 / their roles'),
    at: instant('时间 / when'),
    purpose: text('用途，如 read-case、register-complaint、case-action:assign / why'),
  }),
);

const accessLogSchema = z
  .object({ caseId: caseIdSchema, accesses: z.array(personalDataAccessSchema) })
  .describe('投诉人个人信息的访问记录 / reads of the complainant’s personal data');

const caseIdParameter = {
  description: '督办事项编号（ULID）/ case id (ULID)',
  schema: caseIdSchema,
  example: '01KCASEAAAAAAAAAAAAAAAAAAA',
} as const satisfies ApiParameter;

const transferIdParameter = {
  description: '移交编号（ULID）/ transfer id (ULID)',
  schema: transferIdSchema,
  example: '01KTRANSFERAAAAAAAAAAAAAAA',
} as const satisfies ApiParameter;

const mayRecordTransfers = '信访办、包案领导、督办人员和管理员（事项须在其单位范围内）';

const actionDescription = (name: ActionName): string => {
  const rule = actionRules[name];
  const from = rule.from.map((state) => `\`${state}\`（${stateLabels[state]}）`).join('、');
  return `\`${name}\`：${rule.label}。适用状态 / allowed in: ${from}。`;
};

export const casesApi = {
  listCases: {
    method: 'GET',
    path: '/v1/cases',
    function: 'list-cases',
    auth: 'official',
    summary: '督办事项列表（按单位、状态等筛选）',
    tags: ['cases'],
    description:
      '本单位及下级单位（或 `unit` 所指的下级单位、`assignee` 所指责任人）的督办事项，新收到的在前，分页。`uscc` 列出涉及一家企业的事项' +
      '（以其为投诉对象的投诉、其帮扶计划），只含该单位可查看的。日期不带时刻时按北京时间整日计。/ Cases of a unit and those below it ' +
      '(default: the caller’s), of a responsible person, or about an enterprise, newest first.',
    query: caseListQuerySchema,
    response: ok('一页督办事项 / one page of cases', caseListSchema),
    problems: [400, 403, 404],
  },
  getMyWork: {
    method: 'GET',
    path: '/v1/my-work',
    function: 'get-my-work',
    auth: 'official',
    summary: '我的待办',
    tags: ['cases'],
    description: '按调用者的角色列出待其办理的事项。/ What waits for the caller, by the roles they hold.',
    response: ok('我的待办 / my work', myWorkSchema),
    problems: [],
  },
  getCase: {
    method: 'GET',
    path: '/v1/cases/{id}',
    function: 'get-case',
    auth: 'official',
    summary: '查看督办事项',
    tags: ['cases'],
    description:
      '督办事项及其办理历史；投诉人信息按角色遮蔽。/ A case with its history; the complainant masked by role.',
    pathParameters: { id: caseIdParameter },
    response: ok('督办事项 / the case, with `history`', caseViewSchema),
    problems: [400, 403, 404],
  },
  getAccessLog: {
    method: 'GET',
    path: '/v1/cases/{id}/access-log',
    function: 'get-access-log',
    auth: 'official',
    summary: '投诉人个人信息的访问记录（督办人员、系统管理员）',
    tags: ['cases'],
    description:
      '谁在何时、为何读取了该事项投诉人的未遮蔽个人信息（督办人员、系统管理员）。/ Who read the complainant’s unmasked ' +
      'personal data, when and why (supervisors and administrators).',
    pathParameters: { id: caseIdParameter },
    response: ok('访问记录 / the accesses', accessLogSchema),
    problems: [400, 403, 404],
  },
  actOnCase: {
    method: 'POST',
    path: '/v1/cases/{id}/actions/{action}',
    function: 'act-on-case',
    auth: 'official',
    summary: '办理流程操作（受理、派单、签收、退单、办结等）',
    tags: ['cases'],
    description:
      '对督办事项执行一项流程操作；请求体的格式取决于 `action`。状态不符、版本过期或超出次数限制时答复 409。/ ' +
      'Performs a workflow action; the body depends on `action`. A wrong state, a stale `version` or a used-up limit ' +
      'is a 409; an unknown action a 404.',
    pathParameters: {
      id: caseIdParameter,
      // Documented as an enum; the function answers an unknown action with 404, not 400, so it does not parse it.
      action: {
        description: `流程操作 / the workflow action. ${actionNames.map(actionDescription).join(' ')}`,
        schema: z.enum(actionNames),
        example: 'accept',
      },
    },
    body: {
      description: '操作的参数，按 `action` 选用对应的 schema；可省略请求体的操作可不带请求体 / the action’s input',
      selector: 'action',
      componentPrefix: 'Action_',
      required: false,
      variants: Object.fromEntries(
        actionNames.map((name) => [name, { schema: actionInputSchemas[name], description: actionDescription(name) }]),
      ),
    },
    response: ok('操作后的督办事项 / the case after the action', caseViewSchema),
    problems: [400, 403, 404, 409, 415],
  },
  listTransfers: {
    method: 'GET',
    path: '/v1/cases/{id}/transfers',
    function: 'case-transfers',
    auth: 'official',
    summary: '移交线索记录',
    tags: ['cases'],
    description:
      '督办事项移交纪检监察机关、公安机关或司法机关的记录，先登记的在前（事项须在调用者单位范围内）。/ The leads handed over ' +
      'from a case, oldest first (the case must be in the caller’s scope).',
    pathParameters: { id: caseIdParameter },
    response: ok('移交记录 / the transfers', caseTransfersSchema),
    problems: [400, 403, 404],
  },
  recordTransfer: {
    method: 'POST',
    path: '/v1/cases/{id}/transfers',
    function: 'case-transfers',
    auth: 'official',
    summary: '登记移交线索（纪检监察、公安、司法）',
    tags: ['cases'],
    description:
      `登记一次移交：移交日期（不晚于今天）、接收机关、文号、移交内容，已知时可一并填写办理结果。任何类型、任何状态的事项均可登记，不改变状态，` +
      `记入办理历史（\`transfer\`）并计入统计（按接收机关）。版本过期答复 409。可登记者：${mayRecordTransfers}。/ Records a lead ` +
      'handed to the discipline body, the police or the judiciary, on a case of any kind and state; it does not change ' +
      'the state, goes into the history and counts in the statistics by receiving body. A stale `version` is a 409.',
    pathParameters: { id: caseIdParameter },
    body: jsonRequest('移交内容 / the transfer', transferInputSchema.meta({ id: 'TransferInput' })),
    response: created('已登记 / recorded', recordedTransferSchema),
    problems: [400, 403, 404, 409, 415],
  },
  recordTransferOutcome: {
    method: 'PATCH',
    path: '/v1/cases/{id}/transfers/{transferId}',
    function: 'case-transfers',
    auth: 'official',
    summary: '登记移交的办理结果',
    tags: ['cases'],
    description:
      `登记（或更正）接收机关的办理结果及其日期（省略时为今天，不早于移交日期），记入办理历史（\`transfer-outcome\`，保留原结果）。` +
      `版本过期答复 409，事项无此移交答复 404。可登记者：${mayRecordTransfers}。/ Records or corrects what came of a transfer; ` +
      'the history keeps the outcome it replaced. A stale `version` is a 409, an unknown transfer a 404.',
    pathParameters: { id: caseIdParameter, transferId: transferIdParameter },
    body: jsonRequest('办理结果 / the outcome', transferOutcomeInputSchema.meta({ id: 'TransferOutcomeInput' })),
    response: ok('更新后的移交记录 / the transfer', recordedTransferSchema),
    problems: [400, 403, 404, 409, 415],
  },
} as const satisfies Record<string, ApiRoute>;
