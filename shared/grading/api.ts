/**
 * The grading routes: schemes as versioned data (read by every official, loaded by administrators) and assessments
 * (draft → submitted → accepted → published, or returned with reasons) — with the zod schemas the functions parse with
 * and the schemas of what they answer.
 */
import {
  type Assessment,
  assessmentActionLabels,
  assessmentActionSchema,
  assessmentActions,
  assessmentChangeSchema,
  assessmentStatusLabels,
  newAssessmentSchema,
} from '#grading/domain/assessment.ts';
import type { GradeResult } from '#grading/domain/compute.ts';
import { gradeLabels, indicatorGrades } from '#grading/domain/grades.ts';
import { assessmentListQuerySchema, schemeVersionQuerySchema } from '#grading/domain/requests.ts';
import { familyLabels, type GradingScheme, schemeInputSchema, slugSchema } from '#grading/domain/scheme.ts';
import type { AssessmentView } from '#grading/services/assessment-view.ts';
import type { AssessmentList } from '#grading/services/read-assessments.ts';
import type { SchemeWithVersions } from '#grading/services/schemes.ts';
import { type Attachment, attachmentContentTypes } from '#intake/domain/attachments.ts';
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
  locationHeader,
  ok,
  schemaFor,
  text,
} from '#platform/http/api-registry.ts';

const grade = enumOf(gradeLabels);
const indicatorGrade = z.enum(indicatorGrades).describe('等级 / grade');
const family = enumOf(familyLabels);
const status = enumOf(assessmentStatusLabels);

const industryParameter = {
  description: '行业（评分方案）编号，小写字母、数字和连字符，如 `industrial-coating`（工业涂装）/ the industry’s id',
  schema: slugSchema,
  example: 'industrial-coating',
} as const satisfies ApiParameter;

const assessmentIdParameter = {
  description: '评定编号（ULID）/ assessment id',
  schema: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '评定编号格式不正确'),
  example: '01KASSESSMENTAAAAAAAAAAAAA',
} as const satisfies ApiParameter;

const indicatorShape = {
  id: text('指标编号 / indicator id'),
  family,
  name: text('指标名称 / name'),
  description: text('说明 / explanation').optional(),
  required: flag('是否必填 / whether it must be answered'),
};

const schemeShape = {
  industry: text('行业编号 / industry id'),
  industryName: text('行业名称 / the industry'),
  name: text('方案名称 / the scheme’s name'),
  example: flag('示例方案（非官方指标，须替换为官方指标表）/ an example, to be replaced by the official table'),
  source: text('依据文件 / the document it follows').optional(),
  grades: z.array(indicatorGrade).describe('方案采用的等级，从高到低 / the grades, best first'),
  aPlus: flag('是否在 A 级企业中评选 A+ 级 / whether an A+ tier is chosen among A firms'),
  alertMeasures: z
    .partialRecord(z.enum(['A+', ...indicatorGrades]), z.string())
    .optional()
    .describe('本行业各等级的重污染天气应急减排措施 / the industry’s alert measures per grade'),
  indicators: z
    .array(
      z.discriminatedUnion('kind', [
        z
          .object({
            ...indicatorShape,
            kind: z.literal('choice'),
            options: z.array(
              z.object({
                id: text('选项编号 / option id'),
                label: text('选项内容 / the option'),
                grade: indicatorGrade.describe('该选项最高可评的等级 / the best grade it allows'),
              }),
            ),
          })
          .describe('选择项 / a choice'),
        z
          .object({
            ...indicatorShape,
            kind: z.literal('measured'),
            unit: text('单位 / unit'),
            better: z.enum(['lower', 'higher']).describe('`lower` 越低越好；`higher` 越高越好'),
            thresholds: z.array(
              z.object({ grade: indicatorGrade, limit: z.number().describe('该等级的限值（含）/ the grade’s limit') }),
            ),
          })
          .describe('测量值 / a measured value'),
      ]),
    )
    .describe('指标 / the indicators'),
  version: count('版本号 / version', 1),
  savedAt: instant('载入时间 / saved at'),
  savedBy: text('载入人 / saved by'),
};

export const gradingSchemeSchema = schemaFor<GradingScheme>()(
  z.object(schemeShape).meta({
    id: 'GradingScheme',
    description: `绩效分级评分方案的一个版本；指标类别：${describeEnum(familyLabels)} / a version of an industry’s scheme`,
  }),
);

const schemeWithVersionsSchema = schemaFor<SchemeWithVersions>()(
  z
    .object({
      scheme: gradingSchemeSchema,
      versions: z
        .array(
          z.object({
            version: count('版本号', 1),
            name: text('方案名称'),
            example: flag('示例方案'),
            savedAt: instant('载入时间'),
            savedBy: text('载入人'),
          }),
        )
        .describe('该行业方案的全部版本，新的在前 / every version, newest first'),
    })
    .meta({ id: 'GradingSchemeWithVersions', description: '评分方案及其版本 / a scheme and its versions' }),
);

const gradeResultSchema = schemaFor<GradeResult>()(
  z
    .object({
      grade: indicatorGrade
        .optional()
        .describe('各指标可评等级中最低者（短板原则）；尚未填写任何指标时省略 / the lowest grade any indicator allows'),
      complete: flag('必填指标是否都已填写（提交的前提）/ every required indicator answered'),
      missing: z.array(z.string()).describe('尚未填写的必填指标 / required indicators not answered'),
      indicators: z
        .array(
          z.object({
            indicatorId: text('指标编号'),
            name: text('指标名称'),
            family,
            grade: indicatorGrade.optional().describe('该指标可评的最高等级；未填写时省略'),
            answer: text('填写内容（选项或数值与单位）').optional(),
          }),
        )
        .describe('各指标的评定 / each indicator'),
      holdingBack: z
        .array(
          z.object({
            indicatorId: text('指标编号'),
            name: text('指标名称'),
            family,
            grade: indicatorGrade.describe('该指标现在的等级'),
            answer: text('现在的填写 / the answer that gives it').optional(),
            nextGrade: indicatorGrade.describe('上一等级'),
            needs: text('达到上一等级须满足 / what the next grade needs'),
            options: z.array(z.string()).optional().describe('可达到上一等级的选项 / options that allow it'),
            limit: z.number().optional().describe('上一等级的限值 / the next grade’s limit'),
            unit: text('单位').optional(),
          }),
        )
        .describe('拉低等级的指标及其升级要求 / the indicators holding the grade back, and what each needs'),
      nextGrade: indicatorGrade.optional().describe('上一等级；已是方案最高等级时省略 / the grade above'),
      alertMeasure: text('该等级在重污染天气预警期间的应急减排措施 / the grade’s measure during an alert').optional(),
    })
    .meta({ id: 'GradeResult', description: '按评分方案计算的等级 / the grade the answers give' }),
);

const attachmentSchema = schemaFor<Attachment>()(
  z
    .object({
      attachmentId: text('附件编号 / attachment id'),
      fileName: text('文件名 / file name'),
      contentType: z.enum(attachmentContentTypes).describe('文件类型 / media type'),
      size: count('字节数 / bytes'),
      key: text('存储位置 / object key in the attachments bucket'),
    })
    .describe('佐证材料 / evidence'),
);

const assessmentShape = {
  id: text('评定编号 / id'),
  uscc: text('统一社会信用代码 / the enterprise'),
  enterpriseName: text('评定时的企业名称 / the enterprise’s name'),
  industry: text('行业编号 / industry'),
  industryName: text('行业名称 / industry name'),
  schemeVersion: count('评分方案版本 / scheme version', 1),
  schemeExample: flag('所用方案为示例方案（非官方指标）/ made under an example scheme'),
  status,
  values: z
    .array(
      z.object({
        indicatorId: text('指标编号'),
        option: text('所选选项').optional(),
        value: z.number().optional().describe('测量值'),
        note: text('说明').optional(),
      }),
    )
    .describe('各指标的填写 / the answers'),
  attachments: z.array(attachmentSchema).describe('佐证材料 / evidence'),
  note: text('说明 / note').optional(),
  result: gradeResultSchema,
  publishedGrade: grade.optional().describe('发布的等级（计算等级，或在 A 级中评选的 A+）/ the grade published'),
  publishedAt: instant('发布时间 / published at').optional(),
  submittedBy: text('提交人 / submitted by').optional(),
  version: count('版本：修改和操作时回传 / version', 1),
  createdAt: instant('创建时间'),
  createdBy: text('创建人'),
  updatedAt: instant('最后修改时间'),
  history: z
    .array(
      z.object({
        at: instant('时间'),
        by: text('操作人'),
        action: z.enum(['create', 'update', ...assessmentActions]).describe('操作 / action'),
        fromStatus: status.optional(),
        toStatus: status,
        reason: text('理由').optional(),
      }),
    )
    .describe('办理记录 / the history'),
} satisfies Record<keyof Assessment, z.ZodType>;

export const assessmentSchema = schemaFor<AssessmentView>()(
  z
    .object({
      ...assessmentShape,
      allowedActions: z
        .array(z.enum(assessmentActions))
        .describe(`您现在可执行的操作 / what you may do now：${describeEnum(assessmentActionLabels)}`),
    })
    .meta({ id: 'Assessment', description: '绩效分级评定 / an assessment' }),
);

const assessmentListSchema = schemaFor<AssessmentList>()(
  z
    .object({
      items: z.array(assessmentSchema),
      nextCursor: text('下一页游标 / the next page’s cursor').optional(),
    })
    .meta({ id: 'AssessmentList', description: '评定列表 / assessments' }),
);

export const gradingApi = {
  listGradingSchemes: {
    method: 'GET',
    path: '/v1/grading/schemes',
    function: 'list-grading-schemes',
    auth: 'official',
    summary: '各行业现行评分方案',
    tags: ['grading'],
    description:
      '各行业现行版本的评分方案。`example: true` 的为示例方案（非官方指标，须由管理员替换为官方指标表）。/ The scheme in force of ' +
      'each industry; `example: true` marks an example, not the official table.',
    response: ok('评分方案 / the schemes', z.array(gradingSchemeSchema)),
    problems: [403],
  },
  getGradingScheme: {
    method: 'GET',
    path: '/v1/grading/schemes/{industry}',
    function: 'get-grading-scheme',
    auth: 'official',
    summary: '查看某行业评分方案（可指定版本）',
    tags: ['grading'],
    description:
      '现行版本，或 `version` 指定的历史版本，及全部版本列表。/ The version in force, or `version`; and every version.',
    pathParameters: { industry: industryParameter },
    query: schemeVersionQuerySchema,
    response: ok('评分方案 / the scheme', schemeWithVersionsSchema),
    problems: [400, 403, 404],
  },
  putGradingScheme: {
    method: 'PUT',
    path: '/v1/grading/schemes/{industry}',
    function: 'put-grading-scheme',
    auth: 'official',
    summary: '载入评分方案（每次保存为新版本，仅管理员）',
    tags: ['grading', 'admin'],
    description:
      '每次保存为该行业方案的新版本，旧版本仍可查看；已有评定保持其所用版本。请按官方指标表载入；示例数据须标 `example: true`。/ ' +
      'Saves a new version; assessments keep the version they were made under.',
    pathParameters: { industry: industryParameter },
    body: jsonRequest('评分方案 / the scheme', schemeInputSchema.meta({ id: 'GradingSchemeInput' })),
    response: ok('保存的版本 / the version saved', gradingSchemeSchema),
    problems: [400, 403, 409, 415],
  },
  createAssessment: {
    method: 'POST',
    path: '/v1/grading/assessments',
    function: 'create-assessment',
    auth: 'official',
    summary: '新建绩效分级评定（草稿）',
    tags: ['grading'],
    description:
      '对已登记企业按某行业评分方案（缺省为现行版本）新建评定草稿，可带部分指标填写和佐证材料；随即按短板原则计算等级。承办人、系统管理员可用。/ ' +
      'A draft assessment of a registered enterprise; the grade is computed at once.',
    body: jsonRequest('评定 / the assessment', newAssessmentSchema.meta({ id: 'NewAssessment' })),
    response: created('评定 / the assessment', assessmentSchema, locationHeader),
    problems: [400, 403, 404, 415],
  },
  listAssessments: {
    method: 'GET',
    path: '/v1/grading/assessments',
    function: 'list-assessments',
    auth: 'official',
    summary: '评定列表（某企业的全部评定，或某状态的评定）',
    tags: ['grading'],
    description:
      '`uscc`：该企业的全部评定，新的在前（历次结果均可查）；`status`：某状态的评定，如待审核（`submitted`）、待发布（`accepted`）。/ ' +
      'An enterprise’s assessments, or those in a status.',
    query: assessmentListQuerySchema,
    response: ok('评定 / the assessments', assessmentListSchema),
    problems: [400, 403],
  },
  getAssessment: {
    method: 'GET',
    path: '/v1/grading/assessments/{id}',
    function: 'get-assessment',
    auth: 'official',
    summary: '查看绩效分级评定',
    tags: ['grading'],
    description: '评定、计算结果（拉低等级的指标及升级要求、应急减排措施）和办理记录。/ An assessment with its result.',
    pathParameters: { id: assessmentIdParameter },
    response: ok('评定 / the assessment', assessmentSchema),
    problems: [400, 403, 404],
  },
  updateAssessment: {
    method: 'PATCH',
    path: '/v1/grading/assessments/{id}',
    function: 'update-assessment',
    auth: 'official',
    summary: '修改评定（草稿或退回时）',
    tags: ['grading'],
    description:
      '草稿或已退回的评定可修改：`values` 整体替换，`attachments` 追加；等级随即重新计算。/ Changes a draft or returned assessment.',
    pathParameters: { id: assessmentIdParameter },
    body: jsonRequest('修改 / the change', assessmentChangeSchema.meta({ id: 'AssessmentChange' })),
    response: ok('评定 / the assessment', assessmentSchema),
    problems: [400, 403, 404, 409, 415],
  },
  actOnAssessment: {
    method: 'POST',
    path: '/v1/grading/assessments/{id}/actions/{action}',
    function: 'act-on-assessment',
    auth: 'official',
    summary: '评定流程操作：提交、审核通过、退回、发布',
    tags: ['grading'],
    description:
      `${describeEnum(assessmentActionLabels)}。提交须填完必填指标（承办人、管理员）；审核通过或退回由包案领导、督办人员（不能审核自己提交的）；` +
      '发布由督办人员、管理员，发布时企业的该行业等级、综合等级（各行业最低者）和等级历史在同一事务中更新。/ Submit, accept, return ' +
      '(with a reason) or publish; publishing updates the enterprise’s grade and history in the same transaction.',
    pathParameters: {
      id: assessmentIdParameter,
      action: { description: '操作 / the action', schema: z.enum(assessmentActions), example: 'submit' },
    },
    body: {
      ...jsonRequest('操作参数 / the action’s input', assessmentActionSchema.meta({ id: 'AssessmentActionInput' })),
      required: false,
    },
    response: ok('操作后的评定 / the assessment', assessmentSchema),
    problems: [400, 403, 404, 409, 415],
  },
} as const satisfies Record<string, ApiRoute>;
