/**
 * The campaign routes (专项行动): create a campaign with its numbered tasks (as a list or a task table, pasted or
 * .xlsx), list and read campaigns (phases, tasks with their cases' state and colour, the tasks × weeks grid of weekly
 * reports, the figures), and file and read the weekly progress notes.
 */
import { caseStateSchema } from '#cases/api.ts';
import { caseStates } from '#cases/domain/case.ts';
import { colourLabels } from '#deadlines/domain/deadlines.ts';
import { type Attachment, attachmentContentTypes } from '#intake/domain/attachments.ts';
import { z } from '#platform/domain/zod.ts';
import {
  type ApiParameter,
  type ApiRoute,
  count,
  created,
  enumOf,
  flag,
  instant,
  jsonRequest,
  locationHeader,
  ok,
  schemaFor,
  text,
} from '#platform/http/api-registry.ts';
import { rateSchema } from '#platform/http/rate-schema.ts';
import type { CampaignPlan, LeadingGroup, Phase } from './domain/campaign.ts';
import type { GridRow, WeekFigures, WeekReport } from './domain/grid.ts';
import type { PersonRef, RowReport } from './domain/matching.ts';
import type { ProgressNote } from './domain/progress.ts';
import {
  cellStatusLabels,
  type ReportingPolicy,
  type ReportWeek,
  reportingPolicySchema,
  reportStatusLabels,
} from './domain/reporting.ts';
import {
  createCampaignSchema,
  importCampaignSchema,
  progressNoteSchema,
  progressQuerySchema,
} from './domain/requests.ts';
import type { CampaignFigures, CampaignView, TaskCaseState, TaskFigures, TaskView } from './domain/view.ts';
import type { CreatedCampaign } from './services/establish-campaign.ts';
import type { FiledProgress } from './services/file-progress.ts';
import type { CampaignList } from './services/list-campaigns.ts';
import type { ProgressList } from './services/list-progress.ts';

const date = (description: string) => z.iso.date().describe(description);
const week = text('周次（ISO 周）/ ISO week').meta({ examples: ['2014-W18'] });
const colour = enumOf(colourLabels).describe('进度色标 / progress colour');

const attachmentSchema = schemaFor<Attachment>()(
  z
    .object({
      attachmentId: text('附件编号 / attachment id'),
      fileName: text('文件名 / file name'),
      contentType: z.enum(attachmentContentTypes).describe('文件类型 / media type'),
      size: count('字节数 / bytes'),
      key: text('存储位置 / object key'),
    })
    .describe('附件 / an attachment'),
);

const personSchema = schemaFor<PersonRef>()(
  z
    .object({
      name: text('姓名（如表中所写）/ the name as written'),
      username: text('匹配到的用户；无此项表示仅按姓名记录 / the user matched; absent: kept as a name').optional(),
    })
    .meta({ id: 'CampaignPerson', description: '活动中列名的人员 / a person named in the plan' }),
);

const phaseViewSchema = schemaFor<Phase>()(
  z
    .object({ name: text('阶段名称 / name'), from: date('起始日 / first day'), to: date('截止日 / last day') })
    .meta({ id: 'CampaignPhase', description: '活动阶段 / a phase' }),
);

const planViewSchema = schemaFor<CampaignPlan>()(
  z
    .object({
      text: text('实施方案正文 / the plan’s text').optional(),
      attachment: attachmentSchema.optional().describe('实施方案文件 / the plan file'),
    })
    .describe('实施方案 / the plan'),
);

const leadingGroupViewSchema = schemaFor<LeadingGroup>()(
  z
    .object({
      leaders: z.array(personSchema).describe('组长 / leaders'),
      deputies: z.array(personSchema).describe('副组长 / deputies'),
      members: z.array(personSchema).describe('成员 / members'),
      office: text('办公室所在 / where its office sits').optional(),
    })
    .describe('活动领导小组 / the leading group'),
);

const reportingViewSchema = schemaFor<ReportingPolicy>()(
  reportingPolicySchema.describe('周报规则 / the weekly report rule'),
);

const reportWeekSchema = schemaFor<ReportWeek>()(
  z
    .object({
      week,
      monday: date('该周周一 / the Monday'),
      dueDate: date('报送截止日（遇节假日顺延至下一工作日）/ the due day, moved past holidays'),
      redFrom: date('仍未报送则自此日起为红色 / a missing report is red from this day'),
    })
    .meta({ id: 'CampaignWeek', description: '报送周 / a report week' }),
);

const departmentSchema = z.object({ id: text('单位编号 / unit id'), name: text('名称 / name') });

const taskCaseSchema = schemaFor<TaskCaseState>()(
  z
    .object({
      number: text('督办事项文号 / case number'),
      state: caseStateSchema,
      colour: colour.optional(),
      dueAt: instant('当前最近的期限 / the nearest running deadline').optional(),
      finishedAt: instant('办结时间 / finished at').optional(),
      late: flag('超期办结 / finished late').optional(),
      createdAt: instant('登记时间 / created at'),
    })
    .describe('任务的督办事项（当前状态与色标）/ the task’s case now'),
);

const taskViewSchema = schemaFor<TaskView>()(
  z
    .object({
      number: count('序号 / task number', 1),
      title: text('活动内容 / what the task is'),
      remark: text('备注 / remark').optional(),
      departmentCell: text('表中所写（或沿用上一行）的责任部门 / the department cell as written or inherited'),
      department: departmentSchema.describe('牵头的责任部门 / the lead department'),
      coDepartments: z.array(departmentSchema).describe('共同负责的其他部门 / departments sharing the task'),
      leader: personSchema.optional().describe('责任领导 / the leader'),
      person: personSchema.optional().describe('责任人 / the responsible person'),
      assignable: flag('创建时即已派单（责任人、责任领导均匹配到合适的用户）/ assigned at creation'),
      inherited: z
        .array(z.enum(['department', 'leader', 'person']))
        .describe('沿用上一行的单元格 / cells taken from the row above'),
      caseId: text('任务的督办事项编号 / the task’s case id'),
      case: taskCaseSchema.optional(),
      reportStatus: enumOf(reportStatusLabels).describe('周报状态 / weekly report status'),
    })
    .meta({ id: 'CampaignTask', description: '专项行动任务 / a campaign task' }),
);

const gridRowSchema = schemaFor<GridRow>()(
  z
    .object({
      taskNumber: count('任务序号 / task number', 1),
      reportStatus: enumOf(reportStatusLabels),
      cells: z
        .array(
          z.object({
            week,
            status: enumOf(cellStatusLabels),
            filedAt: instant('首次报送时间 / first filed at').optional(),
            late: flag('逾期报送 / filed after the due day').optional(),
            notes: count('本周进展条数 / notes of the week').optional(),
          }),
        )
        .describe('每周一格，顺序同 weeks / one cell per week, in the order of `weeks`'),
    })
    .meta({ id: 'CampaignGridRow', description: '任务 × 周报表的一行 / a row of the tasks × weeks grid' }),
);

const tally = <K extends string>(keys: readonly [K, ...K[]]) => z.partialRecord(z.enum(keys), z.int().min(0));

const taskFiguresSchema = schemaFor<TaskFigures>()(
  z.object({
    total: count('任务数 / tasks'),
    closed: count('已办结 / closed'),
    open: count('在办 / open'),
    byState: tally(caseStates).describe('按状态 / by state'),
    byColour: tally(['blue', 'yellow', 'red', 'green']).describe('按色标 / by colour'),
    doneRate: rateSchema.describe('任务完成率 / tasks done'),
  }),
);

const weekFiguresSchema = schemaFor<WeekFigures>()(
  z.object({
    week,
    dueDate: date('报送截止日 / due day'),
    required: count('应报送的任务数 / tasks asked for a report'),
    filed: count('已报送（计数）/ filed, from the counters'),
    filedLate: count('其中逾期报送 / of them late'),
    missingYellow: count('未报送（黄）/ missing, yellow'),
    missingRed: count('未报送（红）/ missing, red'),
    notDue: count('未到报送日 / not yet due'),
  }),
);

const figuresSchema = schemaFor<CampaignFigures>()(
  z
    .object({
      tasks: taskFiguresSchema,
      weeks: z.array(weekFiguresSchema).describe('各周报送情况 / reports by week'),
      basis: text('统计口径 / how the figures are counted'),
    })
    .describe('活动统计 / the figures'),
);

export const campaignViewSchema = schemaFor<CampaignView>()(
  z
    .object({
      id: text('专项行动编号（ULID）/ id'),
      name: text('名称 / name'),
      plan: planViewSchema.optional(),
      phases: z.array(phaseViewSchema).describe('活动阶段 / phases'),
      period: z
        .object({ from: date('起始日 / first day'), to: date('截止日 / last day') })
        .describe('活动期间 / period'),
      leadingGroup: leadingGroupViewSchema,
      reporting: reportingViewSchema,
      unitId: text('组织实施的单位（创建者所在）/ the unit that runs it'),
      unitPath: z.array(z.string()).describe('该单位从根单位起的路径 / its path'),
      createdAt: instant('创建时间 / created at'),
      createdBy: text('创建人 / created by'),
      readyAt: instant('全部任务建立完成的时间 / when every task was stored').optional(),
      today: date('按此日（北京时间）计算 / the day the view is for'),
      currentPhase: phaseViewSchema.optional().describe('当前所处阶段 / the phase under way'),
      weeks: z.array(reportWeekSchema).describe('报送周 / the report weeks'),
      tasks: z.array(taskViewSchema).describe('任务，按序号 / the tasks, by number'),
      grid: z
        .array(gridRowSchema)
        .describe(
          '任务 × 周报表：每任务一行、每周一格（filed 已报送、missing-yellow 黄、missing-red 红、not-due 未到报送日、not-required 无需报送）' +
            ' / the tasks × weeks grid',
        ),
      figures: figuresSchema,
    })
    .meta({ id: 'Campaign', description: '专项行动 / a campaign' }),
);

const rowReportSchema = schemaFor<RowReport>()(
  z
    .object({
      ref: text('行的位置，如 table.7（第 7 行）、tasks.2 / where the row is'),
      label: text('第几行 / the row, as people say it'),
      number: count('序号 / task number', 1),
      warnings: z
        .array(z.string())
        .describe('提示：按姓名记录的人员、未派单的原因 / notes: names kept, why not assigned'),
    })
    .meta({ id: 'CampaignRowReport', description: '逐行处理情况 / what became of a row' }),
);

const createdCampaignSchema = schemaFor<CreatedCampaign>()(
  z
    .object({
      campaign: campaignViewSchema,
      report: z.array(rowReportSchema).describe('逐行报告 / a report per row'),
    })
    .meta({
      id: 'CreatedCampaign',
      description: '已创建的专项行动及逐行报告 / the campaign created, with a report per row',
    }),
);

const campaignListSchema = schemaFor<CampaignList>()(
  z
    .object({
      items: z.array(
        z
          .object({
            id: text('编号 / id'),
            name: text('名称 / name'),
            unitId: text('组织实施的单位 / unit'),
            period: z.object({ from: date('起始日 / from'), to: date('截止日 / to') }),
            phases: z.array(phaseViewSchema),
            taskCount: count('任务数 / tasks'),
            createdAt: instant('创建时间 / created at'),
            createdBy: text('创建人 / created by'),
          })
          .meta({ id: 'CampaignSummary', description: '列表中的专项行动 / a campaign as listed' }),
      ),
    })
    .describe('专项行动，新建的在前 / campaigns, newest first'),
);

const weekReportSchema = schemaFor<WeekReport>()(
  z
    .object({
      week,
      taskNumber: count('任务序号 / task number', 1),
      filedAt: instant('首次报送时间 / first filed at'),
      filedOn: date('首次报送日 / first filed on'),
      filedBy: text('首次报送人 / first filed by'),
      late: flag('逾期报送 / filed after the due day'),
      notes: count('本周进展条数 / notes of the week', 1),
    })
    .meta({ id: 'CampaignWeekReport', description: '某任务某周的报送 / a task’s report of a week' }),
);

const progressNoteViewSchema = schemaFor<ProgressNote>()(
  z
    .object({
      id: text('编号 / id'),
      campaignId: text('专项行动编号 / campaign id'),
      week,
      taskNumber: count('任务序号 / task number', 1),
      caseId: text('任务的督办事项编号 / the task’s case id'),
      note: text('进展情况 / the progress'),
      attachments: z.array(attachmentSchema).optional().describe('附件 / files'),
      filedAt: instant('报送时间 / filed at'),
      filedBy: text('报送人 / filed by'),
      late: flag('报送日之后报送 / filed after the due day'),
      first: flag('本周首次报送 / the week’s first note'),
    })
    .meta({ id: 'ProgressNote', description: '每周进展情况 / a weekly progress note' }),
);

const filedProgressSchema = schemaFor<FiledProgress>()(
  z
    .object({ note: progressNoteViewSchema, report: weekReportSchema })
    .describe('已报送的进展及该任务本周的报送情况 / the note, and the task’s report of the week'),
);

const progressListSchema = schemaFor<ProgressList>()(
  z
    .object({ items: z.array(progressNoteViewSchema) })
    .describe('进展情况，按周、任务、时间排列 / notes by week, task, time'),
);

const campaignIdParameter = {
  description: '专项行动编号（ULID）/ campaign id (ULID)',
  schema: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '专项行动编号格式不正确'),
  example: '01KCAMPA1GNAAAAAAAAAAAAAAA',
} as const satisfies ApiParameter;

const creation =
  '空白单元格按原表的合并单元格处理：未写责任部门的行沿用上一行的部门、领导和责任人；写了部门而未写责任领导的行沿用上一行的领导；' +
  '未写责任人的行仅在部门与上一行相同时沿用。每个部门须匹配到您管辖范围内的科室（同名科室以所属单位区分，或在 departments 中指定），' +
  '任何一行匹配不上则整表不予创建，逐行列明原因；领导和责任人尽量匹配到用户，匹配不上按姓名记录并在逐行报告中说明。每项任务为一件' +
  '“交办任务”督办事项：责任人为该科室承办人、领导为其包案领导时即派单，否则为已受理、待派单。全部任务建立后活动才可见；中途失败时' +
  '以相同内容重试即可补全（不会重复建立任务）。同一单位内名称不能重复（409）。仅信访办（活动领导小组办公室）可以创建。';
const creationEn =
  'Blank cells follow the merged cells of the original: a row without a department takes the row above’s department, ' +
  'leader and person; one without a leader the row above’s leader. Every department must match a unit in the caller’s ' +
  'scope or the whole table is refused, row by row; people are matched to users where possible, else kept as names. ' +
  'Each task is a case of kind `task`. The campaign shows once every task is stored; retrying the same request ' +
  'completes an interrupted one. Dispatchers only.';

export const campaignsApi = {
  createCampaign: {
    method: 'POST',
    path: '/v1/campaigns',
    function: 'create-campaign',
    auth: 'official',
    summary: '创建专项行动（任务列表或任务分解表）',
    tags: ['campaigns'],
    description: `创建专项行动：名称、实施方案、活动阶段、领导小组、周报规则及编号任务（tasks 列表或 taskTable 任务分解表）。${creation} / ${creationEn}`,
    body: jsonRequest('专项行动 / the campaign', createCampaignSchema.meta({ id: 'CreateCampaignRequest' })),
    response: created('已创建 / created', createdCampaignSchema, locationHeader),
    problems: [400, 403, 404, 409, 415],
  },
  importCampaign: {
    method: 'POST',
    path: '/v1/campaigns/import',
    function: 'import-campaign',
    auth: 'official',
    summary: '导入任务分解表，一步创建专项行动',
    tags: ['campaigns'],
    description:
      `以任务分解表（从 Word/Excel 复制的文本，或 .xlsx 文件的 base64）一步创建专项行动，表的格式同溧阳市环保局实施方案附件：序号、活动内容、` +
      `责任部门、责任领导、责任人、备注。${creation} / Creates a campaign from its task table in one step. ${creationEn}`,
    body: jsonRequest(
      '专项行动及其任务分解表 / the campaign with its task table',
      importCampaignSchema.meta({ id: 'ImportCampaignRequest' }),
    ),
    response: created('已创建 / created', createdCampaignSchema, locationHeader),
    problems: [400, 403, 404, 409, 415],
  },
  listCampaigns: {
    method: 'GET',
    path: '/v1/campaigns',
    function: 'list-campaigns',
    auth: 'official',
    summary: '专项行动列表',
    tags: ['campaigns'],
    description:
      '调用者所在单位参与（组织实施，或为任务责任部门及其上级）的专项行动，新建的在前。/ The campaigns the caller’s unit ' +
      'runs or has tasks in (or is above), newest first.',
    response: ok('专项行动 / the campaigns', campaignListSchema),
    problems: [],
  },
  getCampaign: {
    method: 'GET',
    path: '/v1/campaigns/{id}',
    function: 'get-campaign',
    auth: 'official',
    summary: '查看专项行动：阶段、任务、周报表、统计',
    tags: ['campaigns'],
    description:
      '专项行动的阶段、领导小组、任务（含督办事项的状态和色标、周报状态）、任务 × 周报表（已报送、未报送黄、未报送红、未到报送日、无需报送），' +
      '以及任务完成率和各周报送情况。报送日未报送为黄色，再过周报规则所定的工作日仍未报送为红色。/ A campaign: phases, tasks with ' +
      'their cases’ state and colour, the tasks × weeks grid of weekly reports (yellow when missing after the due day, ' +
      'red after the grace working days), tasks done and reports by week.',
    pathParameters: { id: campaignIdParameter },
    response: ok('专项行动 / the campaign', campaignViewSchema),
    problems: [400, 403, 404],
  },
  listProgress: {
    method: 'GET',
    path: '/v1/campaigns/{id}/progress',
    function: 'list-campaign-progress',
    auth: 'official',
    summary: '专项行动的每周进展情况',
    tags: ['campaigns'],
    description:
      '各任务每周报送的进展情况，可按周次（ISO 周或周一日期）、任务序号筛选。/ The weekly progress notes, by week and task.',
    pathParameters: { id: campaignIdParameter },
    query: progressQuerySchema,
    response: ok('进展情况 / the notes', progressListSchema),
    problems: [400, 403, 404],
  },
  fileProgress: {
    method: 'POST',
    path: '/v1/campaigns/{id}/progress',
    function: 'file-campaign-progress',
    auth: 'official',
    summary: '报送任务本周进展情况',
    tags: ['campaigns'],
    description:
      '责任部门（或其上级领导、活动领导小组办公室）报送某任务某周的进展情况：任务以 taskNumber 或 caseId 指定，周次为 ISO 周或该周周一的日期，' +
      '须为活动的报送周且已开始。本周首次报送即记为已报送（报送日之后为逾期报送），同一周可续报。/ Files a task’s progress note for ' +
      'a week; the week’s first note makes it filed (late after the due day); more notes may follow.',
    pathParameters: { id: campaignIdParameter },
    body: jsonRequest('进展情况 / the note', progressNoteSchema.meta({ id: 'ProgressNoteRequest' })),
    response: created('已报送 / filed', filedProgressSchema),
    problems: [400, 403, 404, 409, 415],
  },
} as const satisfies Record<string, ApiRoute>;
