/**
 * What the campaign routes accept: a campaign with its tasks (as a list, or as a task table pasted or uploaded), a
 * weekly progress note, and the progress list's query. The route documentation (`api.ts`) shows these schemas.
 */
import { attachmentIdSchema, attachmentRefSchema } from '#intake/domain/attachments.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { reportingPolicySchema } from './reporting.ts';

/** Most tasks a campaign may have: seed 003 has 25; the bound keeps one creation within a Lambda's time. */
export const maxTasks = 200;

/** Longest campaign: two years of weeks. */
const maxPeriodDays = 731;

const date = (description: string) => z.iso.date('日期格式须为 YYYY-MM-DD').describe(description);
const name = plainText(1, 50);

export const phaseSchema = z
  .object({
    name: plainText(1, 50).describe('阶段名称，如“动员部署阶段” / name of the phase'),
    from: date('起始日（含）/ first day'),
    to: date('截止日（含）/ last day'),
  })
  .strict()
  .refine((phase) => phase.from <= phase.to, { message: '截止日不能早于起始日', path: ['to'] })
  .describe('活动阶段 / a phase');

const people = (description: string) =>
  z.array(name).max(50).default([]).describe(`${description}：姓名或用户名 / names or usernames`);

export const leadingGroupSchema = z
  .object({
    leaders: people('组长 / leaders'),
    deputies: people('副组长 / deputy leaders'),
    members: people('成员 / members'),
    office: plainText(1, 100).optional().describe('领导小组办公室设在何处，如“局办公室” / where its office sits'),
  })
  .strict()
  .describe('活动领导小组 / the leading group');

export const planSchema = z
  .object({
    text: plainText(1, 50_000).optional().describe('实施方案正文 / the plan’s text'),
    attachmentId: attachmentIdSchema
      .optional()
      .describe('实施方案文件：先经 POST /v1/attachments 上传，再填其编号 / the plan file, uploaded first'),
  })
  .strict()
  .refine((plan) => plan.text !== undefined || plan.attachmentId !== undefined, '须有实施方案正文或文件')
  .describe('实施方案 / the plan document');

export const taskInputSchema = z
  .object({
    number: z.int().min(1).max(999).describe('序号 / task number'),
    title: plainText(1, 500).describe('活动内容 / what the task is'),
    department: plainText(1, 100)
      .optional()
      .describe(
        '责任部门：科室名称或单位编号，几个科室以“、”分隔（第一个牵头）；省略则沿用上一项 / department name or unit id; ' +
          'omitted: the one above',
      ),
    leader: name.optional().describe('责任领导：姓名或用户名；省略则沿用上一项 / leader; omitted: the one above'),
    person: name
      .optional()
      .describe(
        '责任人：姓名或用户名；省略且责任部门同上一项时沿用上一项 / person; omitted: the one above, same department',
      ),
    remark: plainText(1, 500).optional().describe('备注 / remark'),
  })
  .strict()
  .describe('一项任务 / a task');

/** A task table: pasted text (tab-separated, as Word and Excel copy it), or an .xlsx file in base64. */
export const taskTableSchema = z
  .union([
    z
      .object({
        text: z
          .string()
          .min(1)
          .max(200_000)
          .describe('从 Word 或 Excel 复制的表格文本（制表符分隔，含表头行）/ the table copied as text, tab-separated'),
      })
      .strict(),
    z
      .object({
        xlsxBase64: z
          .string()
          .min(1)
          .max(4_000_000)
          .regex(/^[A-Za-z0-9+/=\s]+$/, '须为 base64 编码')
          .describe('.xlsx 文件的 base64（读取第一个工作表）/ an .xlsx file in base64; its first sheet is read'),
      })
      .strict(),
  ])
  .describe(
    '任务分解表：须有“序号”“责任部门”列及“活动内容”“责任领导”“责任人”“备注”；空白单元格按上一行沿用 / the task table',
  );

const campaignFields = {
  name: plainText(1, 100).describe('专项行动名称；同一单位内不能重名 / name, unique within the unit'),
  plan: planSchema.optional(),
  phases: z
    .array(phaseSchema)
    .min(1)
    .max(10)
    .describe('活动阶段，按时间顺序；活动期间为首阶段起始日至末阶段截止日 / the phases, in order'),
  leadingGroup: leadingGroupSchema.optional(),
  reporting: reportingPolicySchema
    .optional()
    .describe('周报规则（默认每周五报送，逾期 2 个工作日转红）/ the weekly report rule (default: Friday, red after 2)'),
  departments: z
    .record(plainText(1, 100), plainText(1, 100))
    .optional()
    .describe(
      '科室名称到单位编号的对照，用于同名或名称不一致的科室，如 {"管理科": "east-management"} / names mapped to unit ids',
    ),
};

const checkPhases = (
  body: { phases: readonly { from: string; to: string }[] },
  context: { addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void },
) => {
  body.phases.forEach((phase, index) => {
    const before = body.phases[index - 1];
    if (before && phase.from < before.from) {
      context.addIssue({ code: 'custom', path: ['phases', index, 'from'], message: '各阶段须按时间顺序排列' });
    }
  });
  const from = body.phases.map((phase) => phase.from).sort()[0];
  const to = body.phases
    .map((phase) => phase.to)
    .sort()
    .at(-1);
  if (from && to && (Date.parse(to) - Date.parse(from)) / 86_400_000 > maxPeriodDays) {
    context.addIssue({ code: 'custom', path: ['phases'], message: '活动期间不能超过两年' });
  }
};

/** `POST /v1/campaigns`: the tasks as a list, or as a task table. */
export const createCampaignSchema = z
  .object({
    ...campaignFields,
    tasks: z.array(taskInputSchema).min(1).max(maxTasks).optional().describe('任务 / the tasks'),
    taskTable: taskTableSchema.optional(),
  })
  .strict()
  .superRefine((body, context) => {
    if ((body.tasks === undefined) === (body.taskTable === undefined)) {
      context.addIssue({ code: 'custom', path: ['tasks'], message: '须给出 tasks 或 taskTable 之一' });
    }
    checkPhases(body, context);
  });

export type CreateCampaignRequest = z.output<typeof createCampaignSchema>;

/** `POST /v1/campaigns/import`: the campaign with its task table, created in one step. */
export const importCampaignSchema = z
  .object({ ...campaignFields, table: taskTableSchema })
  .strict()
  .superRefine(checkPhases);

export type ImportCampaignRequest = z.output<typeof importCampaignSchema>;

/** `POST /v1/campaigns/{id}/progress`: a department's note on a task for a week. */
export const progressNoteSchema = z
  .object({
    taskNumber: z.int().min(1).max(999).optional().describe('任务序号 / the task number'),
    caseId: z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不正确')
      .optional()
      .describe('或任务的督办事项编号 / or the task’s case id'),
    week: z
      .string()
      .trim()
      .describe('周次：ISO 周（2014-W18）或该周周一的日期（2014-04-28）/ the ISO week, or its Monday’s date'),
    note: plainText(1, 5000).describe('本周进展情况 / the week’s progress'),
    attachments: z
      .array(attachmentRefSchema)
      .max(10)
      .optional()
      .describe('附件：先经 POST /v1/attachments 上传 / files, uploaded first'),
  })
  .strict()
  .refine((body) => (body.taskNumber === undefined) !== (body.caseId === undefined), {
    message: '须给出 taskNumber 或 caseId 之一',
    path: ['taskNumber'],
  });

export type ProgressNoteRequest = z.output<typeof progressNoteSchema>;

/** `GET /v1/campaigns/{id}/progress`: the notes of a week, of a task, or all. */
export const progressQuerySchema = z
  .object({
    week: z.string().trim().optional().describe('周次（ISO 周或周一日期）/ the week'),
    taskNumber: z.coerce.number().int().min(1).max(999).optional().describe('任务序号 / the task number'),
  })
  .strict();

export type ProgressQuery = z.output<typeof progressQuerySchema>;
