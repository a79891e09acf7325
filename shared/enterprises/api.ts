/**
 * The enterprise register's routes: register, search, read, change and import from Excel — with the zod schemas the
 * functions parse with and the schemas of what they answer.
 */
import {
  type Enterprise,
  enterpriseChangeSchema,
  newEnterpriseSchema,
  positiveListLabels,
} from '#enterprises/domain/enterprise.ts';
import { columnHeadings, importRequestSchema, maxImportRows } from '#enterprises/domain/import-sheet.ts';
import {
  positiveListEntrySchema,
  positiveListQuerySchema,
  positiveListRemovalSchema,
} from '#enterprises/domain/positive-list.ts';
import { enterpriseSearchSchema } from '#enterprises/domain/search.ts';
import { usccSchema } from '#enterprises/domain/uscc.ts';
import type { GradeCounts } from '#enterprises/services/grade-counts.ts';
import type { ImportReport } from '#enterprises/services/import-enterprises.ts';
import type { PositiveList } from '#enterprises/services/positive-list.ts';
import type { EnterprisePage } from '#enterprises/services/search-enterprises.ts';
import { gradeLabels } from '#grading/domain/grades.ts';
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
  objectKeyedBy,
  ok,
  schemaFor,
  text,
} from '#platform/http/api-registry.ts';

const grade = enumOf(gradeLabels);

const usccParameter = {
  description: '统一社会信用代码（18 位，含校验码）/ unified social credit code',
  schema: usccSchema,
  example: '91350100M000100Y43',
} as const satisfies ApiParameter;

const gradeHistoryEntrySchema = z
  .object({
    at: instant('时间 / when'),
    by: text('操作人 / by'),
    source: z
      .enum(['register', 'assessment'])
      .describe('`register` 登记时录入的原有分级；`assessment` 发布的评定 / where the step came from'),
    grade: grade.optional().describe('此后的综合等级 / the overall grade after the step'),
    previousGrade: grade.optional().describe('此前的综合等级 / the overall grade before'),
    industry: text('行业（评分方案）/ industry of the scheme').optional(),
    industryName: text('行业名称 / its name').optional(),
    industryGrade: grade.optional().describe('该行业评定的等级 / the industry’s grade'),
    assessmentId: text('评定编号 / the assessment').optional(),
    helpPlanOpened: text('此次评为 D 级而生成的帮扶计划（事项编号）/ the help plan this step opened').optional(),
    helpPlanClosed: text('此次恢复 C 级及以上而办结的帮扶计划 / the help plan this step closed').optional(),
  })
  .describe('等级变化 / a step of the grade history');

const violationSchema = z
  .object({
    at: instant('查实时间（办结时间）/ when it was substantiated'),
    source: z.enum(['complaint', 'inspection']).describe('来源：信访投诉、执法检查 / where it came from'),
    caseId: text('事项编号 / the case'),
    number: text('文号 / its number'),
    substantiated: z.enum(['yes', 'partly']).describe('`yes` 属实；`partly` 部分属实'),
    serious: flag('严重违法 / serious'),
  })
  .describe('查实的违法问题 / a substantiated violation');

export const positiveListChangeSchema = z
  .object({
    at: instant('时间 / when'),
    by: text('操作人（`system` 为系统按规则）/ by'),
    action: z.enum(['enter', 'remove']).describe('`enter` 纳入；`remove` 移出'),
    reason: text('理由 / why'),
    rulesVersion: count('所依据的规则版本（0：登记时原有名录）/ the rules version it was decided under'),
    serious: flag('因严重违法移出 / removed for a serious violation').optional(),
    barredUntil: z.iso.date().optional().describe('此日起方可再纳入 / may enter again from'),
  })
  .describe('正面清单变更 / a step of the positive-list history');

export const enterpriseSchema = schemaFor<Enterprise>()(
  z
    .object({
      uscc: text('统一社会信用代码 / unified social credit code'),
      name: text('企业名称 / name'),
      industries: z
        .array(z.object({ code: text('行业代码 / GB/T 4754 code'), label: text('行业名称 / name') }))
        .describe('所属行业，第一项为主行业 / industries, the main one first'),
      address: text('地址 / address'),
      town: text('乡镇（街道）/ town'),
      contacts: z
        .array(
          z.object({
            name: text('姓名 / name'),
            phone: text('电话 / phone').optional(),
            title: text('职务 / role').optional(),
          }),
        )
        .describe('联系人 / contacts'),
      keyPolluter: flag('重点排污单位 / key polluter'),
      vocs: flag('涉 VOCs 排放 / emits VOCs'),
      positiveList: enumOf(positiveListLabels),
      grade: grade
        .optional()
        .describe(
          '综合绩效等级：各行业等级中最低者（短板原则）；未评级时省略 / the overall grade, the lowest industry’s',
        ),
      industryGrades: z
        .array(
          z.object({
            industry: text('行业（评分方案）/ industry of the scheme'),
            industryName: text('行业名称 / its name'),
            grade,
            assessmentId: text('评定编号 / the assessment that gave it'),
            schemeVersion: count('方案版本 / scheme version', 1),
            publishedAt: instant('发布时间 / published at'),
          }),
        )
        .describe('各行业的现行等级（最近一次发布的评定）/ each industry’s grade'),
      gradeHistory: z.array(gradeHistoryEntrySchema).describe('等级历史，旧的在前 / the grade history, oldest first'),
      helpPlan: z
        .object({
          caseId: text('帮扶计划事项编号 / the help plan’s case'),
          state: z
            .enum(['opening', 'open', 'closing'])
            .describe('`opening` 生成中；`open` 帮扶中；`closing` 已恢复 C 级及以上，办结中 / its state'),
          assessmentId: text('生成它的评定 / the assessment that opened it'),
          unitId: text('所属单位 / the unit owning it'),
          since: instant('生成时间 / opened at'),
        })
        .optional()
        .describe('评为 D 级时的帮扶计划；无则省略 / the help plan while graded D'),
      regrade: z
        .object({
          since: instant('标记时间 / flagged at'),
          caseId: text('查实的投诉 / the substantiated complaint'),
          number: text('其文号 / its number'),
          reason: text('原因 / why'),
        })
        .optional()
        .describe('待重新评级：A/B 级企业被查实投诉，下次发布评定时清除 / flagged for re-assessment'),
      violations: z
        .array(violationSchema)
        .optional()
        .describe('查实的违法问题，旧的在前 / substantiated violations on record, oldest first'),
      positiveListHistory: z
        .array(positiveListChangeSchema)
        .optional()
        .describe('纳入、移出正面清单的记录，旧的在前 / entries to and removals from the positive list'),
      positiveListBarredUntil: z.iso
        .date()
        .optional()
        .describe('因严重违法被移出：此日起方可再纳入 / the first day a firm barred may enter again'),
      importId: text('导入批次（文件的 SHA-256）/ the import that registered it').optional(),
      version: count('版本：修改时回传 / version, for optimistic concurrency', 1),
      createdAt: instant('登记时间 / registered at'),
      createdBy: text('登记人 / registered by'),
      updatedAt: instant('最后修改时间 / last changed at'),
      updatedBy: text('最后修改人 / last changed by'),
    })
    .meta({ id: 'Enterprise', description: '企业 / an enterprise of the register' }),
);

const enterprisePageSchema = schemaFor<EnterprisePage>()(
  z
    .object({
      items: z.array(enterpriseSchema).describe('按名称排序 / by name'),
      nextCursor: text('下一页游标；最后一页省略 / the next page’s cursor').optional(),
    })
    .meta({ id: 'EnterprisePage', description: '企业检索结果 / enterprises found' }),
);

const gradeCountsSchema = schemaFor<GradeCounts>()(
  z
    .object({
      counts: objectKeyedBy({ ...gradeLabels, none: '未评级' }, count('企业数 / enterprises')).describe(
        '各等级（含未评级 none）的企业数 / enterprises per grade, none for never graded',
      ),
      total: count('登记的企业总数 / enterprises registered'),
    })
    .meta({ id: 'GradeCounts', description: '绩效等级分布 / enterprises per grade' }),
);

const importReportSchema = schemaFor<ImportReport>()(
  z
    .object({
      importId: text('导入批次：文件的 SHA-256（同一文件只导入一次）/ the file’s SHA-256'),
      fileName: text('文件名 / file name').optional(),
      dryRun: flag('只检查未导入 / checked only'),
      rows: count('读取的企业行数 / rows read'),
      imported: count('本次登记的企业数 / firms registered by this request'),
      registered: z
        .array(z.object({ row: count('行号 / row', 2), uscc: text('统一社会信用代码'), name: text('企业名称') }))
        .describe('各行登记（或将登记）的企业 / each row’s firm'),
    })
    .meta({ id: 'EnterpriseImportReport', description: '导入结果 / what the import registered' }),
);

const headings = Object.values(columnHeadings)
  .map((names) => names[0])
  .join('、');

const positiveListSchema = schemaFor<PositiveList>()(
  z
    .object({
      rules: z
        .object({
          version: count('规则版本 / version', 1),
          entryGrades: z.array(grade).describe('可纳入的绩效等级 / grades that qualify'),
          cleanMonths: count('纳入前若干个月内无查实的违法问题 / months without a substantiated violation'),
          barYears: count('严重违法移出后的禁入年数 / years barred after a serious violation'),
          removeWhenGradeFalls: flag('等级降至可纳入等级以下时自动移出 / leaves when its grade falls'),
        })
        .describe('现行规则 / the rules in force'),
      members: z
        .array(
          z.object({
            uscc: text('统一社会信用代码'),
            name: text('企业名称'),
            town: text('乡镇（街道）'),
            grade: grade.optional(),
            since: instant('纳入时间 / since').optional(),
            by: text('决定人 / decided by').optional(),
            reason: text('纳入理由 / why it entered'),
            rulesVersion: count('所依据的规则版本 / rules version').optional(),
          }),
        )
        .describe('成员，按名称 / the members, by name'),
      candidates: z
        .array(
          z.object({
            uscc: text('统一社会信用代码'),
            name: text('企业名称'),
            town: text('乡镇（街道）'),
            grade: grade.optional(),
          }),
        )
        .optional()
        .describe('符合条件而未纳入的企业（`candidates=true` 时）/ firms that qualify, when asked for'),
    })
    .meta({ id: 'PositiveList', description: '正面清单 / the positive list' }),
);

export const enterprisesApi = {
  registerEnterprise: {
    method: 'POST',
    path: '/v1/enterprises',
    function: 'register-enterprise',
    auth: 'official',
    summary: '登记企业',
    tags: ['enterprises'],
    description:
      '按统一社会信用代码登记企业。代码按 GB 32100-2015 校验（含第 18 位校验码和组织机构代码校验位），错误时返回 400 并指明 `uscc`；' +
      '已登记返回 409。信访办、系统管理员可用。/ Registers an enterprise; a USCC with a wrong check character is a 400 ' +
      'naming `uscc`, one registered already a 409.',
    body: jsonRequest('企业 / the enterprise', newEnterpriseSchema.meta({ id: 'NewEnterprise' })),
    response: created('登记的企业 / the enterprise', enterpriseSchema, locationHeader),
    problems: [400, 403, 409, 415],
  },
  searchEnterprises: {
    method: 'GET',
    path: '/v1/enterprises',
    function: 'search-enterprises',
    auth: 'official',
    summary: '检索企业（名称关键字、乡镇、行业、等级）',
    tags: ['enterprises'],
    description:
      '按名称关键字（至少 2 个字）、乡镇、行业代码、绩效等级、重点排污单位、涉 VOCs、正面清单状态检索，条件同时满足，按名称排序。每个条件都由索引' +
      '提供，不扫描全表。/ Enterprises meeting every criterion, by name, served by indexes (no scan).',
    query: enterpriseSearchSchema,
    response: ok('企业 / the enterprises', enterprisePageSchema),
    problems: [400, 403],
  },
  countGrades: {
    method: 'GET',
    path: '/v1/enterprises/grade-counts',
    function: 'search-enterprises',
    auth: 'official',
    summary: '绩效等级分布：各等级的企业数',
    tags: ['enterprises'],
    description:
      '登记企业按总体绩效等级（A+、A、B、B-、C、D，未评级为 none）的企业数及总数。由等级索引计数（每个等级一次计数查询），不读取企业。' +
      '/ How many enterprises hold each grade, counted from the grade index.',
    response: ok('各等级企业数 / enterprises per grade', gradeCountsSchema),
    problems: [403],
  },
  getEnterprise: {
    method: 'GET',
    path: '/v1/enterprises/{uscc}',
    function: 'get-enterprise',
    auth: 'official',
    summary: '查看企业（含等级历史）',
    tags: ['enterprises'],
    description: '企业信息、各行业等级、综合等级及等级历史。/ An enterprise with its grades and grade history.',
    pathParameters: { uscc: usccParameter },
    response: ok('企业 / the enterprise', enterpriseSchema),
    problems: [400, 403, 404],
  },
  updateEnterprise: {
    method: 'PATCH',
    path: '/v1/enterprises/{uscc}',
    function: 'update-enterprise',
    auth: 'official',
    summary: '修改企业信息',
    tags: ['enterprises'],
    description:
      '给出的字段替换原值；统一社会信用代码不可改，等级只由发布的评定改变。带 `version` 时，已被他人修改返回 409。/ Changes the ' +
      'fields given; the grade changes only by a published assessment.',
    pathParameters: { uscc: usccParameter },
    body: jsonRequest('修改 / the change', enterpriseChangeSchema.meta({ id: 'EnterpriseChange' })),
    response: ok('修改后的企业 / the enterprise', enterpriseSchema),
    problems: [400, 403, 404, 409, 415],
  },
  importEnterprises: {
    method: 'POST',
    path: '/v1/enterprises/import',
    function: 'import-enterprises',
    auth: 'official',
    summary: '从 Excel 导入企业名录（全部成功或全部不导入）',
    tags: ['enterprises'],
    description:
      `上传 .xlsx（base64）：第一个工作表，第一行为列名（${headings}；多个行业用分号分隔），一次最多 ${maxImportRows} 行。` +
      '先逐行检查，任何一行有误（代码校验错误、重复、已登记、缺少必填项）则一家也不导入，返回 400，`errors` 逐行逐列列出原因（`rows.<行号>.<列>`）；' +
      '全部无误才登记。同一文件只导入一次（409）。`dryRun: true` 只检查。/ Imports a sheet all or nothing: one refused row ' +
      'and nothing is written, the 400 naming every refused row and column.',
    body: jsonRequest('Excel 文件 / the sheet', importRequestSchema.meta({ id: 'EnterpriseImportInput' })),
    response: ok('导入结果 / the import', importReportSchema),
    problems: [400, 403, 409, 415],
  },
  readPositiveList: {
    method: 'GET',
    path: '/v1/positive-list',
    function: 'positive-list',
    auth: 'official',
    summary: '正面清单（成员及纳入理由）',
    tags: ['enterprises'],
    description:
      '正面清单的现行规则、成员及各自的纳入理由、时间和决定人；`candidates=true` 时另列符合条件而未纳入的企业。由索引提供，不扫描全表。' +
      '/ The rules, the members with why each entered, and on request the firms that qualify and are not listed.',
    query: positiveListQuerySchema,
    response: ok('正面清单 / the positive list', positiveListSchema),
    problems: [400, 403],
  },
  addToPositiveList: {
    method: 'POST',
    path: '/v1/positive-list',
    function: 'positive-list',
    auth: 'official',
    summary: '纳入正面清单',
    tags: ['enterprises'],
    description:
      '按规则检查（绩效等级、近期查实的违法问题、禁入期），不符合时返回 409 并列出每一项未满足的条件；符合则纳入并记录理由和决定人。' +
      '督查督办人员、系统管理员可用。/ Enters a firm under the rules; a 409 names every unmet condition.',
    body: jsonRequest('纳入 / the entry', positiveListEntrySchema.meta({ id: 'PositiveListEntry' })),
    response: created('纳入后的企业 / the enterprise', enterpriseSchema),
    problems: [400, 403, 404, 409, 415],
  },
  removeFromPositiveList: {
    method: 'POST',
    path: '/v1/positive-list/{uscc}/removal',
    function: 'positive-list',
    auth: 'official',
    summary: '移出正面清单',
    tags: ['enterprises'],
    description:
      '移出并记录理由和决定人；`serious: true`（严重违法）时按规则若干年内不得再纳入。/ Removes a firm with the reason; a ' +
      'serious violation bars re-entry for the rules’ years.',
    pathParameters: { uscc: usccParameter },
    body: jsonRequest('移出 / the removal', positiveListRemovalSchema.meta({ id: 'PositiveListRemoval' })),
    response: ok('移出后的企业 / the enterprise', enterpriseSchema),
    problems: [400, 403, 404, 409, 415],
  },
} as const satisfies Record<string, ApiRoute>;
