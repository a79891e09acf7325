/**
 * The rectification routes (整改问题): register a problem (a case of kind `rectification`, read and acted on under
 * `/v1/cases`), import a ledger from Excel or JSON rows, list problems, export the ledger, and the look-backs due.
 * The close-out steps (销号) and the look-back (回头看) are workflow actions: `POST /v1/cases/{id}/actions/{action}`.
 */
import { caseListSchema, caseSummarySchema, caseViewSchema } from '#cases/api.ts';
import { z } from '#platform/domain/zod.ts';
import {
  type ApiRoute,
  count,
  created,
  fileDownload,
  flag,
  jsonRequest,
  locationHeader,
  narrowSchemaFor,
  ok,
  schemaFor,
  text,
} from '#platform/http/api-registry.ts';
import {
  createProblemSchema,
  exportQuerySchema,
  importLedgerSchema,
  lookBacksQuerySchema,
  problemListQuerySchema,
} from './domain/requests.ts';
import type { LedgerImportReport } from './services/import-ledger.ts';
import type { LookBacksDue } from './services/list-problems.ts';

const importReportSchema = schemaFor<LedgerImportReport>()(
  z
    .object({
      importId: text('导入编号（请求内容的哈希）：同一请求再次发送得到同一结果 / the import’s id'),
      replayed: flag('此前已导入完成，本次未新建 / completed before; nothing stored this time'),
      created: count('本次新建的问题数 / problems stored by this request'),
      rows: z
        .array(
          z.object({
            ref: text('行位置，如 rows.0、xlsxBase64.5 / where the row was'),
            label: text('行的称呼，如“第 5 行” / the row as named'),
            number: count('序号 / number', 1),
            caseId: text('问题的督办事项编号 / the problem’s case id'),
            caseNumber: text('问题文号，如 GL-ZG-2026-000001 / its number'),
            assigned: flag('已直接派单（责任人、责任领导均匹配到合适用户）/ assigned at once'),
            warnings: z.array(z.string()).describe('提示（如按姓名记录的人员、暂未派单）/ warnings'),
          }),
        )
        .describe('每行的结果，按序号 / each row’s problem'),
    })
    .meta({ id: 'LedgerImportReport', description: '整改台账导入结果 / the import report' }),
);

const lookBacksSchema = narrowSchemaFor<LookBacksDue>()(
  z
    .object({
      due: z.iso.date().describe('截至日期 / due by'),
      items: z.array(caseSummarySchema).describe('应回头看的问题，最早到期的在前 / problems due, earliest first'),
    })
    .meta({ id: 'LookBacksDue', description: '到期的回头看 / the look-backs due' }),
);

const registrar = '信访办（整改台账管理，dispatcher）';
const closeOut =
  '销号按序进行（`POST /v1/cases/{id}/actions/{action}`）：`apply-close-out` 承办科室申请销号（附佐证材料）→ `check-on-site` ' +
  '信访办现场核查（不通过则退回整改）→ `sign-off` 包案领导签字确认 → `publish` 公示（公示期按时限规则的工作日数，显示截止日，销号不等待）' +
  '→ `strike-off` 销号（或“已完成，长期坚持”），并按时限规则安排若干月后的回头看；`look-back` 记录回头看：成效巩固则保持销号，问题反弹则一步' +
  '退回原承办科室重新整改。次序不符答复 409 并说明原因。';

export const rectificationApi = {
  createProblem: {
    method: 'POST',
    path: '/v1/rectification-problems',
    function: 'create-rectification-problem',
    auth: 'official',
    summary: '登记整改问题',
    tags: ['rectification'],
    description:
      `登记一个整改问题（督办事项类别 rectification，文号 GL-ZG-…）：来源、问题描述、整改方案（措施与节点）、责任单位、责任领导和责任人、` +
      `整改时限类型（期限由时限规则给出）或指定期限。给出责任领导和责任人则直接派单，否则待派单。来自信访件时（fromCaseId），该信访件在同一事务中` +
      `记下本问题。登记人：${registrar}。${closeOut} / Registers a rectification problem; a problem from a complaint is linked ` +
      'both ways in one transaction. Its close-out steps are workflow actions.',
    body: jsonRequest('整改问题 / the problem', createProblemSchema.meta({ id: 'CreateRectificationProblemRequest' })),
    response: created('已登记 / created', caseViewSchema, locationHeader),
    problems: [400, 403, 404, 409, 415],
  },
  importLedger: {
    method: 'POST',
    path: '/v1/rectification-problems/import',
    function: 'import-rectification-ledger',
    auth: 'official',
    summary: '导入整改台账（Excel 或 JSON 行）',
    tags: ['rectification'],
    description:
      '以督察反馈的台账格式导入整改问题：序号、问题来源、问题描述、责任单位、责任领导、责任人、整改措施、整改时限（立行立改、中期、长期或日期）、备注；' +
      '责任单位空白沿用上一行（合并单元格）。全部行先行校验，任何一行不合格则整表不导入，并逐行逐列说明原因（400，errors 的 path 为 ' +
      '`rows.<序>.<列>` 或 `xlsxBase64.<行>.<列>`）。中途中断的导入，重发同一请求即补齐，不会重复建问题；已完成的再次发送返回同一结果。' +
      `导入人：${registrar}。/ Imports a ledger all or nothing, with a problem per refused row; retry-safe.`,
    body: jsonRequest('整改台账 / the ledger', importLedgerSchema.meta({ id: 'ImportRectificationLedgerRequest' })),
    response: created('已导入 / imported', importReportSchema),
    problems: [400, 403, 404, 409, 415],
  },
  listProblems: {
    method: 'GET',
    path: '/v1/rectification-problems',
    function: 'list-rectification-problems',
    auth: 'official',
    summary: '整改问题台账（按来源、时限类型、色标、单位筛选）',
    tags: ['rectification'],
    description:
      '本单位及下级单位（或 `unit` 所指单位）的整改问题，新登记的在前，分页；按来源、时限类型、进度色标筛选。/ The problems of a unit ' +
      'and those below it, newest first, filtered by source, band and colour, from the listing index.',
    query: problemListQuerySchema,
    response: ok('一页整改问题 / one page of problems', caseListSchema),
    problems: [400, 403, 404],
  },
  exportLedger: {
    method: 'GET',
    path: '/v1/rectification-problems/export',
    function: 'export-rectification-ledger',
    auth: 'official',
    summary: '导出整改台账（Excel，与导入格式相同）',
    tags: ['rectification'],
    description:
      '整改台账的 Excel 文件：与导入相同的列（序号、问题来源、问题描述、责任单位、责任领导、责任人、整改措施、整改时限、备注），' +
      '另加台账编号、整改期限、进度色标、销号进度、回头看日期；可再次导入。/ The ledger as Excel, in the columns an import reads.',
    query: exportQuerySchema,
    response: fileDownload('整改台账 / the ledger', [
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]),
    problems: [400, 403, 404],
  },
  listLookBacksDue: {
    method: 'GET',
    path: '/v1/rectification-problems/look-backs',
    function: 'list-rectification-look-backs',
    auth: 'official',
    summary: '到期的回头看',
    tags: ['rectification'],
    description:
      '已销号、截至 `due`（默认今天）应进行回头看的整改问题，最早到期的在前；记录回头看用 `look-back` 操作。/ Struck-off problems whose ' +
      'look-back is due by `due`, earliest first.',
    query: lookBacksQuerySchema,
    response: ok('到期的回头看 / the look-backs due', lookBacksSchema),
    problems: [400],
  },
} as const satisfies Record<string, ApiRoute>;
