/**
 * The statistics routes: the figures of a unit and period, their exports (a table as CSV or Excel, the progress report
 * as Markdown or Word, the case ledger as a job with a download link), and the reconciliation of the counters with the
 * cases.
 */

import { transferBodyLabels } from '#cases/domain/labels.ts';
import { type FigureName, figureLabels, figureNames } from '#inspections/domain/figures.ts';
import { z } from '#platform/domain/zod.ts';
import {
  type ApiParameter,
  type ApiRoute,
  count,
  describeEnum,
  enumOf,
  fileDownload,
  flag,
  instant,
  jsonRequest,
  locationHeader,
  narrowSchemaFor,
  objectKeyedBy,
  ok,
  schemaFor,
  text,
} from '#platform/http/api-registry.ts';
import { rateSchema } from '#platform/http/rate-schema.ts';
import { surveyRatesSchema } from '#surveys/api.ts';
import { cohortMetricLabels } from './domain/counters.ts';
import type { EnforcementDifference, EnforcementFigures } from './domain/enforcement.ts';
import { caseExportFilterSchema, caseExportRequestSchema, exportStatusLabels } from './domain/export-job.ts';
import { progressReportQuerySchema, reportFormats, statsExportQuerySchema } from './domain/exports-query.ts';
import type { CohortCounts, DaysToClose, TransfersByBody } from './domain/figures.ts';
import { groupings, reconcileRequestSchema, statsQuerySchema } from './domain/query.ts';
import { differencesShown, type ReconciliationView, reconciliationStatusLabels } from './domain/reconciliation-job.ts';
import { tableFormatNames, tableFormats } from './domain/tables.ts';
import type { CaseExportView } from './services/export-view.ts';
import type { Stats, StatsRow } from './services/read-stats.ts';

const date = (description: string) => z.iso.date().describe(description);
const tally = z.record(z.string(), z.int().min(0));

const cohortCountsSchema = schemaFor<CohortCounts>()(
  objectKeyedBy(cohortMetricLabels, z.int()).meta({
    id: 'CohortCounts',
    description: `期间内收到的事项的现状计数 / counts of the cases received in the period：${describeEnum(cohortMetricLabels)}`,
  }),
);

const transfersByBodySchema = schemaFor<TransfersByBody>()(
  objectKeyedBy(transferBodyLabels, z.int()).meta({
    id: 'TransfersByBody',
    description: `期间内收到的事项的移交线索数，按接收机关 / transfers of the cases received in the period, by receiving body：${describeEnum(transferBodyLabels)}`,
  }),
);

const daysToCloseSchema = schemaFor<DaysToClose>()(
  z
    .object({
      formula: text('口径 / how it is counted'),
      counted: count('计入的办结件数 / closed cases counted'),
      average: z.number().nullable().describe('平均工作日 / average working days'),
      median: z.number().nullable().describe('中位数工作日 / median working days'),
    })
    .meta({ id: 'DaysToClose', description: '办结用时（工作日）/ working days to close' }),
);

const figuresShape = {
  counts: cohortCountsSchema,
  transfersByBody: transfersByBodySchema,
  closureRate: rateSchema.describe('办结率 / closure rate'),
  onTimeRate: rateSchema.describe(
    '按期办结率（在办超期计入分母）/ on-time rate, open overdue cases counted against it',
  ),
  daysToClose: daysToCloseSchema,
};

const statsRowSchema = schemaFor<StatsRow>()(
  z
    .object({
      key: text('单位编号、月份（2026-03）、渠道、类别或事项类型 / the unit, month, channel, category or kind'),
      label: text('名称 / label'),
      ...figuresShape,
      satisfaction: surveyRatesSchema.optional(),
    })
    .meta({ id: 'StatsRow', description: '一行分组统计 / the figures of one group' }),
);

const enforcementFiguresSchema = schemaFor<EnforcementFigures>()(
  z
    .object({
      ...(Object.fromEntries(figureNames.map((name) => [name, count(figureLabels[name])])) as Record<
        FigureName,
        ReturnType<typeof count>
      >),
      penaltyYuan: z.number().min(0).describe('罚款金额（元）/ the penalty total, yuan'),
      basis: text('统计口径 / what the figures count'),
    })
    .meta({
      id: 'EnforcementFigures',
      description:
        '执法统计：期间内执法检查、出动执法人员、立案、处罚决定、罚款、移送和结案，按发生日计，含下级单位；取自随每次录入同步累加的计数，' +
        '不读取记录 / the enforcement figures of the period, each on its own day, from counters kept with every record',
    }),
);

const statsSchema = schemaFor<Stats>()(
  z
    .object({
      unitId: text('单位 / the unit'),
      unitName: text('单位名称 / its name'),
      from: date('起始收到日 / first day received'),
      to: date('截止收到日 / last day received'),
      groupBy: z.enum(groupings).optional(),
      basis: text('统计口径 / what the figures count'),
      ...figuresShape,
      satisfaction: surveyRatesSchema,
      openNow: z
        .object({
          byColour: tally.describe('当前在办事项按色标 / open cases by colour now (none: not yet timed)'),
          byState: tally.describe('当前在办事项按状态 / open cases by state now'),
        })
        .describe('当前在办（不限收到日期）/ open now, whenever received'),
      enforcement: enforcementFiguresSchema,
      rows: z.array(statsRowSchema).describe('分组各行 / one row per group'),
      itemsRead: count(
        '读取的事项计数条数（不读取事项；执法统计另读一次，每日至多一条）/ case counter items read; no case is read',
      ),
    })
    .meta({ id: 'Stats', description: '统计 / the statistics of a unit and period' }),
);

const differenceSchema = z.object({
  unitId: text('单位 / unit'),
  bucket: text('R#日期：当日收到；F#日期：当日办结；OPEN：当前在办 / which counter item'),
  name: text('指标 / figure'),
  stored: z.int().describe('计数值 / stored'),
  recounted: z.int().describe('重算值 / recounted'),
});

const enforcementDifferenceSchema = schemaFor<EnforcementDifference>()(
  z.object({
    unitId: text('单位 / unit'),
    day: date('日期 / the day'),
    name: z.enum(figureNames).describe(`指标 / figure：${describeEnum(figureLabels)}`),
    stored: z.int().describe('计数值 / stored'),
    recounted: z.int().describe('重算值 / recounted'),
  }),
);

const shown = `最多列 ${differencesShown} 条，全部条数见 differencesFound / the first ${differencesShown}`;

const reconciliationSchema = narrowSchemaFor<ReconciliationView>()(
  z
    .object({
      id: text('核对任务编号（ULID）/ job id'),
      status: enumOf(reconciliationStatusLabels),
      requestedAt: instant('申请时间 / asked at'),
      requestedBy: text('申请人（用户名）/ who asked'),
      repair: flag('按重算结果修正 / whether to repair what differs'),
      reason: text('修正理由 / why').optional(),
      startedAt: instant('开始核对时间 / started at').optional(),
      finishedAt: instant('完成或失败时间 / finished at').optional(),
      casesRead: count('读取的事项数（完成后）/ cases read, once done').optional(),
      countersRead: count('读取的计数条数 / counter items read').optional(),
      itemsScanned: count('扫描的条目数 / items scanned').optional(),
      capacityUnits: z.number().min(0).describe('消耗的读容量 / read capacity used').optional(),
      differences: z.array(differenceSchema).describe(`不一致的计数（${shown}）/ the counters that differ`).optional(),
      differencesFound: count('不一致的计数条数 / how many counters differ').optional(),
      enforcement: z
        .object({
          recordsRead: count('读取的检查记录和执法案件数 / inspections and enforcement cases read'),
          countersRead: count('读取的执法统计计数条数（每单位每日一条）/ counter items read, one per unit and day'),
          differences: z
            .array(enforcementDifferenceSchema)
            .describe(`不一致的执法统计计数（${shown}）/ the enforcement counters that differ`),
          differencesFound: count('不一致的执法统计计数条数 / how many enforcement counters differ'),
        })
        .describe('执法统计按检查记录和执法案件重算的结果 / the enforcement counters recounted from the records')
        .optional(),
      repaired: flag('已按重算结果修正 / repaired').optional(),
      error: text('失败原因 / why it failed').optional(),
    })
    .meta({
      id: 'Reconciliation',
      description:
        '统计核对任务：状态；完成后为重算结果 / a reconciliation job: its status, and once done what the recount found',
    }),
);

const reconciliationIdParameter = {
  description: '核对任务编号（ULID）/ reconciliation id (ULID)',
  schema: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '核对任务编号格式不正确'),
  example: '01KREC0NC1AAAAAAAAAAAAAAAA',
} as const satisfies ApiParameter;

const caseExportSchema = schemaFor<CaseExportView>()(
  z
    .object({
      id: text('导出任务编号（ULID）/ job id'),
      status: enumOf(exportStatusLabels),
      format: z.enum(tableFormatNames).describe('文件格式 / file format'),
      filter: caseExportFilterSchema.meta({ id: 'CaseExportFilter' }),
      fileName: text('文件名 / the file’s name'),
      createdAt: instant('申请时间 / asked at'),
      startedAt: instant('开始导出时间 / started at').optional(),
      finishedAt: instant('完成或失败时间 / finished at').optional(),
      rows: count('导出的事项数（每件一行）/ cases written, one row each').optional(),
      downloadUrl: text(
        '下载地址（已签名，有效期 15 分钟，过期请重新查询）/ presigned download link, 15 minutes',
      ).optional(),
      downloadExpiresAt: instant('下载地址失效时间 / when the link expires').optional(),
      error: text('失败原因 / why it failed').optional(),
    })
    .meta({ id: 'CaseExport', description: '督办事项台账导出任务 / a case-ledger export job' }),
);

const exportIdParameter = {
  description: '导出任务编号（ULID）/ export job id (ULID)',
  schema: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '导出任务编号格式不正确'),
  example: '01KEXP0RTAAAAAAAAAAAAAAAAA',
} as const satisfies ApiParameter;

const allowedToReadStats = '信访办、包案领导、督办人员和管理员（与 GET /v1/stats 相同，含其单位范围）';

export const statisticsApi = {
  getStats: {
    method: 'GET',
    path: '/v1/stats',
    function: 'get-stats',
    auth: 'official',
    summary: '统计：受理、办结、按期、用时、满意度，可按下级单位、渠道、类别、月份、事项类型分组',
    tags: ['statistics'],
    description:
      '某单位（含下级单位）期间内收到的事项现在的办理情况：收到、受理、不予受理、合并、办结、在办及超期、延期、退单、复核、重新办理，' +
      '移交线索（合计及按接收机关），办结率、按期办结率（在办超期计入分母）、办结用时的平均数与中位数；期间内办结事项的回访满意度与解决率；当前在办按色标；' +
      '期间内的执法统计（执法检查次数、出动执法人员人次、立案、处罚决定书、罚款金额、移送公安和司法机关、结案，按发生日计）。' +
      '每个比率给出公式、分子和分母。取自随每次变更同步累加的计数，不读取事项。/ The figures of a unit for the cases received ' +
      'in a period, from counters kept with every change; each rate with its formula, numerator and denominator.',
    query: statsQuerySchema,
    response: ok('统计 / the statistics', statsSchema),
    problems: [400, 403, 404],
  },
  exportStats: {
    method: 'GET',
    path: '/v1/stats/export',
    function: 'export-stats',
    auth: 'official',
    summary: '导出统计表（Excel 或 CSV）：每个分组一行，另加合计行',
    tags: ['statistics'],
    description:
      `GET /v1/stats 的统计表文件：每个分组（默认按下级单位）一行，末行合计；收到、受理、不予受理、合并、办结、按期、超期、在办、超期在办、` +
      '延期、退单、复核、重新办理，办结率、按期办结率、平均及中位办结工作日、有效评价数、满意率、解决率，移交线索。比率没有分母时为“—”，不是 0%。' +
      'Excel 首行为冻结的中文表头，另附“口径说明”工作表；CSV 为带 BOM 的 UTF-8。以附件下载，中文文件名见 `Content-Disposition` 的 ' +
      `\`filename*\`。可查看者：${allowedToReadStats}。/ The statistics of GET /v1/stats as a table file, one row per group and a total row.`,
    query: statsExportQuerySchema,
    response: fileDownload(
      '统计表文件 / the table as a file',
      tableFormatNames.map((format) => tableFormats[format].contentType),
    ),
    problems: [400, 403, 404],
  },
  getProgressReport: {
    method: 'GET',
    path: '/v1/reports/progress',
    function: 'get-progress-report',
    auth: 'official',
    summary: '信访工作进展情况报告（Markdown 或 Word）',
    tags: ['statistics'],
    description:
      '某单位某期间的信访工作进展情况：标题、数据段落（“今年以来，共收到群众信访件N件……办结率X%（已办结M件÷受理N件）……群众满意度Y%”，' +
      '每个比率附分子分母，无分母时写明“暂无”）、其他督办事项、当前在办按色标、执法检查和立案查处情况（“开展执法检查N次，出动执法人员M人次，' +
      '立案查处K件，下达处罚决定书D件，罚款X万元……”），以及按下级单位的办理情况表和口径说明。`md` 以 ' +
      `text/markdown 返回，\`docx\` 为 Word 文件（含真实表格）。可查看者：${allowedToReadStats}。/ The progress report of a unit ` +
      'and period, worded as a bureau’s report, as Markdown or Word.',
    query: progressReportQuerySchema,
    response: fileDownload(
      '进展情况报告 / the report',
      Object.values(reportFormats).map((format) => format.contentType),
    ),
    problems: [400, 403, 404],
  },
  requestCaseExport: {
    method: 'POST',
    path: '/v1/exports',
    function: 'request-case-export',
    auth: 'official',
    summary: '申请导出督办事项台账（CSV 或 Excel，后台生成）',
    tags: ['statistics'],
    description:
      '按 GET /v1/cases 的筛选条件（单位、状态、类型、类别、渠道、责任人、收到日期）导出督办事项台账，每件一行，不含投诉人姓名、电话等个人信息。' +
      '筛选条件与单位范围当即核对（同 GET /v1/cases），文件由后台任务逐页生成并存入对象存储，不受接口时长和大小限制；' +
      '以 `GET /v1/exports/{id}` 查询进度，完成后取得下载地址。/ Asks for the case ledger of GET /v1/cases’s filters as a ' +
      'file, written in the background; poll GET /v1/exports/{id} for the download link.',
    body: jsonRequest(
      '导出格式与筛选条件 / format and filters',
      caseExportRequestSchema.meta({ id: 'CaseExportRequest' }),
    ),
    response: {
      status: 202,
      description: '已排队 / queued',
      schema: caseExportSchema,
      headers: locationHeader,
    },
    problems: [400, 403, 404, 415],
  },
  getCaseExport: {
    method: 'GET',
    path: '/v1/exports/{id}',
    function: 'get-case-export',
    auth: 'official',
    summary: '查看导出任务：进度、行数和下载地址',
    tags: ['statistics'],
    description:
      '导出任务的状态（queued 排队中、running 导出中、done 已完成、failed 失败）；完成后给出事项数和有效期 15 分钟的下载地址（每次查询重新签发）。' +
      '只有申请人可以查看，其他人得到 404。任务及文件保留 7 天。/ An export job: its status, and once done the row count and a ' +
      'presigned link valid for 15 minutes. Only its requester may see it; jobs and files are kept 7 days.',
    pathParameters: { id: exportIdParameter },
    response: ok('导出任务 / the job', caseExportSchema),
    problems: [400, 404],
  },
  reconcile: {
    method: 'POST',
    path: '/v1/admin/reconcile',
    function: 'reconcile-stats',
    auth: 'official',
    summary: '申请核对统计（后台逐件重算，列出不一致的计数，可按重算结果修正：仅管理员，须写明理由）',
    tags: ['statistics'],
    description:
      '后台任务读取全部事项重新统计，与计数逐项比对，列出每个不一致的计数（单位、日期、指标、计数值、重算值）；执法统计（检查、立案、处罚、' +
      '移送、结案）同样按检查记录和执法案件逐单位逐日重算，不一致的列于 `enforcement`；`repair: true` 时按重算结果一并修正，' +
      '并记录修正人和理由。督办人员可核对，管理员可修正，申请时当即核对权限和选项。读取全部事项不受接口时长限制：' +
      '以 `GET /v1/admin/reconciliations/{id}` 查询进度和结果。/ Asks for a recount from the cases, and of the enforcement ' +
      'figures from the inspection and enforcement records, run in the background; repairs on request, recording who and ' +
      'why. Poll GET /v1/admin/reconciliations/{id} for what it found.',
    body: jsonRequest('核对选项 / options', reconcileRequestSchema.meta({ id: 'ReconcileInput' })),
    response: {
      status: 202,
      description: '已排队 / queued',
      schema: reconciliationSchema,
      headers: locationHeader,
    },
    problems: [400, 403, 415],
  },
  getReconciliation: {
    method: 'GET',
    path: '/v1/admin/reconciliations/{id}',
    function: 'get-reconciliation',
    auth: 'official',
    summary: '查看统计核对任务：进度和核对结果',
    tags: ['statistics'],
    description:
      '核对任务的状态（queued 排队中、running 核对中、done 已完成、failed 失败）；完成后给出读取的事项数和计数条数、扫描的条目数和读容量、' +
      `不一致的计数（各${shown}）、执法统计的重算结果及是否已修正；失败时给出原因。核对覆盖全局的计数，管理员和督办人员均可查看任一核对任务。` +
      '/ A reconciliation: its status, and once done what it found and whether it repaired; failed, why. Any administrator ' +
      'or supervisor may read any reconciliation.',
    pathParameters: { id: reconciliationIdParameter },
    response: ok('核对任务 / the reconciliation', reconciliationSchema),
    problems: [400, 403, 404],
  },
} as const satisfies Record<string, ApiRoute>;
