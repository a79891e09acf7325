/**
 * The random inspection routes (双随机、一公开): plans and the inspector pool, draws with their verification data,
 * inspection records, enforcement cases with their figures, and the public listing of a period's draws and results.
 */
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
  narrowSchemaFor,
  objectKeyedBy,
  ok,
  text,
} from '#platform/http/api-registry.ts';
import { idempotencyKeyHeader } from '#platform/idempotency.ts';
import { supervisionClassLabels } from './domain/classes.ts';
import { drawsQuerySchema, newDrawSchema, publicInspectionsQuerySchema } from './domain/draw-record.ts';
import type { EnforcementCase } from './domain/enforcement.ts';
import {
  enforcementQuerySchema,
  enforcementStateLabels,
  enforcementStepSchema,
  newEnforcementCaseSchema,
  transferTargetLabels,
} from './domain/enforcement.ts';
import { figureLabels } from './domain/figures.ts';
import type { Inspection } from './domain/inspection.ts';
import { inspectionsQuerySchema, newInspectionSchema, outcomeLabels } from './domain/inspection.ts';
import type { Inspector } from './domain/inspectors.ts';
import { inspectorEntrySchema, usernameSchema } from './domain/inspectors.ts';
import type { InspectionPlan } from './domain/plan.ts';
import { newPlanSchema, planChangeSchema, plansQuerySchema } from './domain/plan.ts';
import type { DrawDetails, DrawSummary } from './services/draws.ts';
import type { EnforcementLedger } from './services/enforcement-cases.ts';
import type { PublicInspections } from './services/public-inspections.ts';

const day = (description: string) => z.iso.date().describe(description);
const classEnum = enumOf(supervisionClassLabels);
const ratesObject = objectKeyedBy(supervisionClassLabels, z.number().describe('抽查比例（%）/ rate, percent'));
const itemSchema = z.object({ code: text('代码 / code'), label: text('检查事项 / the item') });

const planSchema = narrowSchemaFor<InspectionPlan>()(
  z
    .object({
      id: text('计划编号 / id'),
      name: text('名称 / name'),
      period: text('期间（季度）/ the quarter'),
      rates: ratesObject,
      items: z.array(itemSchema).describe('检查事项清单 / items'),
      inspectorsPerEntity: count('每家企业的执法人员数 / inspectors per firm', 2),
      unitId: text('制定单位 / unit'),
      unitPath: z.array(z.string()).describe('单位路径 / unit path'),
      createdAt: instant('制定时间 / made at'),
      createdBy: text('制定人 / by'),
      version: count('版本（修改时带上）/ version', 1),
      updatedAt: instant('修改时间 / changed at').optional(),
      updatedBy: text('修改人 / changed by').optional(),
      drawId: text('据此进行的抽取（抽取后不能修改）/ its draw').optional(),
    })
    .meta({ id: 'InspectionPlan', description: '抽查计划 / a draw plan' }),
);

const inspectorSchema = narrowSchemaFor<Inspector>()(
  z
    .object({
      username: text('用户名 / username'),
      name: text('姓名 / name'),
      unitId: text('所在单位 / unit'),
      certificateNumber: text('执法证号 / certificate number'),
      active: flag('在库 / in the pool'),
      ties: z
        .array(z.object({ uscc: text('企业 / firm'), reason: text('关系 / tie') }))
        .describe('申报的利害关系 / declared ties'),
      updatedAt: instant('更新时间 / updated at'),
      updatedBy: text('更新人 / by'),
    })
    .meta({ id: 'Inspector', description: '执法人员库中的一人 / an inspector of the pool' }),
);

const algorithmSchema = z
  .object({
    name: text('算法名称 / name'),
    version: count('算法版本 / version', 1),
    generator: text('随机数生成器 / generator'),
    description: text('算法说明 / how it works'),
  })
  .describe('抽取算法 / the algorithm');

const tallySchema = z
  .object({
    class: classEnum,
    pool: count('该类企业数 / firms in the class'),
    rate: z.number().describe('抽查比例（%）/ rate'),
    drawn: count('抽取数 = ceil(企业数 × 比例) / drawn'),
  })
  .describe('各类别抽取数 / drawn per class');

const drawnEntitySchema = z.object({
  order: count('抽取顺序 / order', 1),
  uscc: text('统一社会信用代码 / USCC'),
  name: text('企业名称 / name'),
  class: classEnum,
  inspectors: z.array(z.string()).describe('抽中的执法人员（执法证号）/ inspectors, by certificate'),
});

const checkSchema = z
  .object({
    hashMatches: flag('快照哈希与公布值一致 / the hash matches'),
    resultMatches: flag('由快照和种子重新抽取的结果与公布结果一致 / a fresh run gives the result'),
    matches: flag('核验通过 / verified'),
    recomputedHash: text('重新计算的快照 SHA-256 / the hash recomputed'),
  })
  .describe('核验（读取时重新运行）/ the check, run on reading');

const verificationFields = {
  algorithm: algorithmSchema,
  seed: text('随机种子 / the seed'),
  seedSource: z
    .enum(['given', 'generated'])
    .describe('given 抽取前公开确定；generated 系统生成 / where the seed came from'),
  snapshotHash: text('快照规范 JSON 的 SHA-256（十六进制）/ SHA-256 of the snapshot'),
};

const drawFields = {
  id: text('抽取编号 / id'),
  planId: text('计划 / plan'),
  planName: text('计划名称 / plan name'),
  period: text('期间 / quarter'),
  unitId: text('单位 / unit'),
  items: z.array(itemSchema).describe('检查事项 / items'),
  ...verificationFields,
  drawnAt: instant('抽取时间 / drawn at'),
  drawnBy: text('抽取人 / by'),
};

const drawDetailsSchema = narrowSchemaFor<DrawDetails>()(
  z
    .object({
      ...drawFields,
      result: z
        .object({ classes: z.array(tallySchema), entities: z.array(drawnEntitySchema) })
        .describe('抽取结果 / the result'),
      inspectors: z
        .array(z.object({ certificateNumber: text('执法证号'), name: text('姓名'), username: text('用户名') }))
        .describe('抽中的执法人员 / the inspectors drawn'),
      snapshot: text('快照（规范 JSON，即被哈希的原文）/ the snapshot, exactly as hashed'),
      check: checkSchema,
      inspected: z.record(z.string(), z.string()).describe('已检查的企业 → 检查记录编号 / inspected firms'),
    })
    .meta({ id: 'DrawDetails', description: '抽取及其核验数据 / a draw with its verification data' }),
);

const drawSummarySchema = narrowSchemaFor<DrawSummary>()(
  z
    .object({
      ...drawFields,
      classes: z.array(tallySchema),
      drawnCount: count('抽中企业数 / firms drawn'),
    })
    .meta({ id: 'DrawSummary', description: '抽取概要 / a draw in brief' }),
);

const inspectionSchema = narrowSchemaFor<Inspection>()(
  z
    .object({
      id: text('编号 / id'),
      number: text('检查记录号，如 JC-20260415-7QX4ZR / number'),
      drawId: text('所属抽取 / draw').optional(),
      uscc: text('企业 / firm'),
      enterpriseName: text('企业名称 / name'),
      date: day('检查日期 / day'),
      inspectors: z
        .array(z.object({ username: text('用户名'), name: text('姓名'), certificateNumber: text('执法证号') }))
        .describe('执法人员 / inspectors'),
      substitutionReason: text('替换理由 / why others went').optional(),
      itemsChecked: z.array(itemSchema).describe('检查的事项 / items checked'),
      summary: text('检查情况 / summary'),
      findings: z
        .array(
          z.object({
            description: text('问题 / finding'),
            item: text('事项 / item').optional(),
            violation: flag('查实的违法行为 / a violation'),
            serious: flag('严重 / serious'),
            rectificationCaseId: text('整改问题（督办事项编号）/ its rectification problem').optional(),
            rectificationNumber: text('整改问题编号（问题登记完成后）/ its number, once stored').optional(),
            enforcementCaseId: text('执法案件 / its enforcement case').optional(),
          }),
        )
        .describe('发现的问题 / findings'),
      evidence: z
        .array(
          z.object({
            attachmentId: text('附件编号'),
            fileName: text('文件名'),
            contentType: text('类型'),
            size: count('字节数'),
          }),
        )
        .describe('证据材料 / evidence'),
      outcome: enumOf(outcomeLabels),
      violationRecorded: flag('已记入企业违法记录 / put on the firm’s record'),
      regradeFlagged: flag('企业因此标记待重新评级 / the firm flagged for re-grading'),
      unitId: text('录入单位 / unit'),
      unitPath: z.array(z.string()).describe('单位路径 / unit path'),
      publishedAt: instant('公开时间 / published at'),
      publishBy: day('公开期限 / to be published by'),
      publishedLate: flag('超过公开期限 / published late'),
      recordedAt: instant('录入时间 / recorded at'),
      recordedBy: text('录入人 / by'),
    })
    .meta({ id: 'Inspection', description: '检查记录 / an inspection' }),
);

const enforcementCaseSchema = narrowSchemaFor<EnforcementCase>()(
  z
    .object({
      id: text('案件编号 / id'),
      uscc: text('企业 / firm'),
      enterpriseName: text('企业名称 / name'),
      cause: text('案由 / cause'),
      docketNumber: text('立案文号（系统按序分配），如 环立〔2026〕12号 / docket number, assigned'),
      inspectionId: text('来源检查记录 / inspection').optional(),
      state: enumOf(enforcementStateLabels),
      filedOn: day('立案日期 / filed on'),
      decision: z
        .object({
          on: day('决定日期'),
          decisionNumber: text('处罚决定书文号'),
          penaltyFen: count('罚款（分）/ fine, fen'),
          summary: text('处罚内容'),
        })
        .optional()
        .describe('处罚决定 / the decision'),
      transfer: z
        .object({ on: day('移送日期'), to: enumOf(transferTargetLabels), reason: text('理由') })
        .optional()
        .describe('移送 / the transfer'),
      closing: z
        .object({ on: day('结案日期'), result: text('结案情况') })
        .optional()
        .describe('结案 / closing'),
      unitId: text('立案单位 / unit'),
      unitPath: z.array(z.string()).describe('单位路径 / unit path'),
      version: count('版本 / version', 1),
      createdAt: instant('创建时间'),
      createdBy: text('创建人'),
      updatedAt: instant('更新时间'),
      updatedBy: text('更新人'),
    })
    .meta({ id: 'EnforcementCase', description: '执法案件 / an enforcement case' }),
);

const figuresSchema = objectKeyedBy(figureLabels, count('数值 / the figure')).describe(
  '执法统计（penaltyFen 为分）/ the figures',
);

const enforcementLedgerSchema = narrowSchemaFor<EnforcementLedger>()(
  z
    .object({
      unitId: text('单位 / unit'),
      from: day('起始日 / first day'),
      to: day('截止日 / last day'),
      figures: figuresSchema,
      penaltyYuan: z.number().describe('罚款总额（元）/ the penalty total, yuan'),
      recount: z
        .object({
          figures: figuresSchema,
          matches: flag('计数与重算一致 / counters equal the recount'),
          differences: z
            .array(z.object({ name: enumOf(figureLabels), counted: count('计数'), recounted: count('重算') }))
            .describe('不一致的项 / figures that differ'),
        })
        .optional()
        .describe('按记录重算与核对（recount=true 时）/ the recount'),
      items: z.array(enforcementCaseSchema).describe('本期立案的案件 / the cases filed in the period'),
    })
    .meta({ id: 'EnforcementLedger', description: '执法台账与统计 / the enforcement ledger and figures' }),
);

const publicInspectorSchema = z.object({ name: text('姓名 / name'), certificateNumber: text('执法证号') });

const publicInspectionsSchema = narrowSchemaFor<PublicInspections>()(
  z
    .object({
      period: text('期间 / quarter'),
      publicationPolicy: text('公开时限 / the publication deadline'),
      draws: z.array(
        z.object({
          id: text('抽取编号 / id'),
          planName: text('计划 / plan'),
          drawnAt: instant('抽取时间 / drawn at'),
          items: z.array(z.string()).describe('检查事项 / items'),
          ...verificationFields,
          snapshot: text('快照（规范 JSON）：以它和种子可重新抽取核验 / the snapshot, to re-run the draw'),
          classes: z.array(tallySchema),
          entities: z.array(
            z.object({
              order: count('顺序', 1),
              uscc: text('统一社会信用代码'),
              name: text('企业名称'),
              class: classEnum,
              inspectors: z.array(publicInspectorSchema).describe('抽中的执法人员 / inspectors drawn'),
              result: z
                .object({
                  number: text('检查记录号'),
                  date: day('检查日期'),
                  inspectors: z.array(publicInspectorSchema),
                  itemsChecked: z.array(z.string()),
                  summary: text('检查情况'),
                  findings: z.array(z.string()).describe('发现的问题'),
                  outcome: enumOf(outcomeLabels),
                  publishedAt: instant('公开时间'),
                  publishBy: day('公开期限'),
                })
                .optional()
                .describe('检查结果（已检查时）/ the result, once inspected'),
            }),
          ),
        }),
      ),
    })
    .meta({ id: 'PublicInspections', description: '双随机抽查结果公开 / published draws and results' }),
);

const idParameter = (description: string) =>
  ({
    description,
    schema: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不正确'),
    example: '01KDRAWAAAAAAAAAAAAAAAAAAA',
  }) satisfies ApiParameter;

const planners = '督查督办人员、系统管理员（supervisor、admin）';
const recorders = '执法人员、领导、督查督办人员、系统管理员（handler、lead、supervisor、admin）';

export const inspectionsApi = {
  listPlans: {
    method: 'GET',
    path: '/v1/inspection-plans',
    function: 'inspection-plans',
    auth: 'official',
    summary: '抽查计划',
    tags: ['inspections'],
    description: '抽查计划，按期间筛选，新的在前。/ Draw plans, newest period first.',
    query: plansQuerySchema,
    response: ok('抽查计划 / plans', z.array(planSchema)),
    problems: [400, 403],
  },
  createPlan: {
    method: 'POST',
    path: '/v1/inspection-plans',
    function: 'inspection-plans',
    auth: 'official',
    summary: '制定抽查计划（各类别比例、检查事项）',
    tags: ['inspections'],
    description:
      `制定一期（季度）的抽查计划：重点排污单位、特殊监管对象、一般排污单位、正面清单企业各自的抽查比例（%，默认 25、25、5、2；不得为 0），` +
      `检查事项清单，每家企业的执法人员数（至少 2）。每个计划只抽取一次。制定人：${planners}。/ A plan: rates per class, items.`,
    body: jsonRequest('抽查计划 / the plan', newPlanSchema.meta({ id: 'NewInspectionPlan' })),
    response: created('已制定 / created', planSchema),
    problems: [400, 403, 415],
  },
  updatePlan: {
    method: 'PATCH',
    path: '/v1/inspection-plans/{id}',
    function: 'inspection-plans',
    auth: 'official',
    summary: '修改抽查计划（抽取前）',
    tags: ['inspections'],
    description:
      '抽取前可修改计划的名称、各类别抽查比例（给出的类别替换原值）、检查事项清单（整体替换）、每家企业的执法人员数；期间不可改。' +
      '已抽取的计划不能修改（409：抽取结果及其核验数据依据抽取时的计划公开）。带 `version` 时，已被他人修改返回 409；' +
      `读取与保存之间被他人修改或抽取同样返回 409。修改人：${planners}（本单位及下级单位的计划）。/ Changes an undrawn plan; ` +
      'a drawn plan, or a stale `version`, is a 409.',
    pathParameters: { id: idParameter('计划编号 / plan id') },
    body: jsonRequest('修改 / the change', planChangeSchema.meta({ id: 'InspectionPlanChange' })),
    response: ok('修改后的计划 / the plan', planSchema),
    problems: [400, 403, 404, 409, 415],
  },
  listInspectors: {
    method: 'GET',
    path: '/v1/inspection-plans/inspectors',
    function: 'inspection-plans',
    auth: 'official',
    summary: '执法人员库（含申报的利害关系）',
    tags: ['inspections'],
    description: `执法人员库：用户、执法证号、是否在库、申报的利害关系企业。查看人：${planners}。/ The inspector pool.`,
    response: ok('执法人员库 / the pool', z.array(inspectorSchema)),
    problems: [403],
  },
  putInspector: {
    method: 'PUT',
    path: '/v1/inspection-plans/inspectors/{username}',
    function: 'inspection-plans',
    auth: 'official',
    summary: '将用户纳入执法人员库或更新（执法证号、利害关系）',
    tags: ['inspections'],
    description:
      '把目录中的用户纳入执法人员库（或更新）：执法证号、是否在库、申报的利害关系企业（抽取时回避）。系统另按上次检查回避同一执法人员。' +
      `维护人：${planners}。/ Enters a directory user in the pool with certificate and declared ties.`,
    pathParameters: { username: { description: '用户名 / username', schema: usernameSchema, example: 'handler' } },
    body: jsonRequest('执法人员 / the entry', inspectorEntrySchema.meta({ id: 'InspectorEntry' })),
    response: ok('已保存 / saved', inspectorSchema),
    problems: [400, 403, 415],
  },
  createDraw: {
    method: 'POST',
    path: '/v1/draws',
    function: 'draws',
    auth: 'official',
    summary: '随机抽取（双随机）：按计划抽取企业和执法人员',
    tags: ['inspections'],
    description:
      '按计划对企业名录（各监管类别按比例）和执法人员库（每家两名、回避利害关系和上次检查人员）随机抽取。抽取是快照、计划和种子的纯函数：' +
      '快照（规范 JSON）与其 SHA-256、种子、算法名称和版本随结果一并保存公开，任何人可重新运行核验（`npm run verify-draw -- <编号>`）。' +
      `种子宜为抽取前公开确定的值；省略则系统生成。每个计划只抽取一次（再次抽取 409）。抽取人：${planners}。/ Runs a plan's draw.`,
    body: jsonRequest('抽取 / the draw', newDrawSchema.meta({ id: 'NewDraw' })),
    response: created('已抽取 / drawn', drawDetailsSchema),
    problems: [400, 403, 409, 415],
  },
  listDraws: {
    method: 'GET',
    path: '/v1/draws',
    function: 'draws',
    auth: 'official',
    summary: '抽取记录',
    tags: ['inspections'],
    description: '一期（默认本季度）的抽取，新的在前。/ The draws of a quarter.',
    query: drawsQuerySchema,
    response: ok('抽取记录 / draws', z.array(drawSummarySchema)),
    problems: [400, 403],
  },
  getDraw: {
    method: 'GET',
    path: '/v1/draws/{id}',
    function: 'draws',
    auth: 'official',
    summary: '抽取结果及核验数据（读取时重新核验）',
    tags: ['inspections'],
    description:
      '抽取结果、快照原文、SHA-256、种子、算法，以及读取时由快照和种子重新运行的核验结果；已检查的企业。/ A draw with its ' +
      'verification data, checked again on reading.',
    pathParameters: { id: idParameter('抽取编号 / draw id') },
    response: ok('抽取 / the draw', drawDetailsSchema),
    problems: [400, 403, 404],
  },
  recordInspection: {
    method: 'POST',
    path: '/v1/inspections',
    function: 'inspection-records',
    auth: 'official',
    summary: '录入检查记录（日期、执法人员、检查事项、发现的问题、证据）',
    tags: ['inspections'],
    description:
      '录入一次检查（随机抽查的写 drawId，每家抽中企业只录一次）：执法人员须在库且未申报利害关系，与抽中人员不同须说明理由；证据材料先经 ' +
      '`POST /v1/attachments` 上传。发现的问题可：记入企业违法记录（violation，A、B 级企业标记待重新评级）、登记整改问题（rectification，' +
      '须信访办权限：问题以录入时确定的编号登记，与检查记录恰好一一对应）、立案查处（enforcement，立案文号由系统按序分配，见 ' +
      '`POST /v1/enforcement-cases`）。录入即公开；公开期限为检查之日起 20 个工作日。' +
      '带 `Idempotency-Key` 重试时答复首次录入的检查记录，不重复录入（计数、违法记录、整改问题、立案均不重复）。' +
      `录入人：${recorders}。/ Records an inspection; a finding may flag the firm, open a problem or file a case. A ` +
      'retry with the same `Idempotency-Key` gets the inspection recorded first and records nothing twice.',
    headers: idempotencyKeyHeader,
    body: jsonRequest('检查记录 / the inspection', newInspectionSchema.meta({ id: 'NewInspection' })),
    response: created('已录入 / recorded', inspectionSchema),
    problems: [400, 403, 404, 409, 415, 422],
  },
  listInspections: {
    method: 'GET',
    path: '/v1/inspections',
    function: 'inspection-records',
    auth: 'official',
    summary: '检查记录',
    tags: ['inspections'],
    description: '本单位及下级单位一期（默认本季度）的检查记录，按日期。/ The inspections of a quarter.',
    query: inspectionsQuerySchema,
    response: ok('检查记录 / inspections', z.array(inspectionSchema)),
    problems: [400, 403],
  },
  fileEnforcementCase: {
    method: 'POST',
    path: '/v1/enforcement-cases',
    function: 'inspection-records',
    auth: 'official',
    summary: '立案（执法案件）',
    tags: ['inspections'],
    description:
      '立案查处：当事企业、案由、立案日期、来源检查记录。立案文号由系统在立案时分配（请求中不得填写），格式为 `环立〔年份〕序号号`，' +
      '如 `环立〔2026〕12号`：年份为立案日期（北京时间）所在年，序号为立案单位所属执法机关（立案单位路径上最近的局或分局，其下科室、' +
      '大队共用）当年的顺序号，按立案先后递增、不重复；序号在保存前以原子递增取得，保存失败的序号记为空号（注明原因）。处罚决定书文号由法制' +
      `部门的公文系统编定，在 \`decide\` 时录入。带 \`Idempotency-Key\` 重试时答复首次立案的案件，不重复立案、不另取文号。` +
      `立案人：${recorders}。/ Files an enforcement case; its docket number is assigned ` +
      'in the year’s series of the filing enforcement body (nearest bureau or branch), increasing, never reused. A retry ' +
      'with the same `Idempotency-Key` gets the case filed first, with no second case or number.',
    headers: idempotencyKeyHeader,
    body: jsonRequest('立案 / the case', newEnforcementCaseSchema.meta({ id: 'NewEnforcementCase' })),
    response: created('已立案 / filed', enforcementCaseSchema),
    problems: [400, 403, 409, 415, 422],
  },
  listEnforcementCases: {
    method: 'GET',
    path: '/v1/enforcement-cases',
    function: 'inspection-records',
    auth: 'official',
    summary: '执法台账与统计（检查次数、人次、立案、处罚决定、罚款、移送）',
    tags: ['inspections'],
    description:
      '一个单位（含下级）一期（年或季度）的执法统计：检查次数、出动人次、立案、处罚决定书、罚款总额、移送公安司法、结案——取自随记录同一事务' +
      '更新的计数；`recount=true` 同时按记录重算并逐项核对。另列本期立案的案件。/ The figures from counters, optionally recounted, ' +
      'and the cases filed in the period.',
    query: enforcementQuerySchema,
    response: ok('执法台账 / the ledger', enforcementLedgerSchema),
    problems: [400, 403, 404],
  },
  stepEnforcementCase: {
    method: 'POST',
    path: '/v1/enforcement-cases/{id}/steps',
    function: 'inspection-records',
    auth: 'official',
    summary: '案件办理：处罚决定、移送、结案',
    tags: ['inspections'],
    description:
      '`decide` 作出处罚决定（文号、罚款金额）；`transfer` 移送公安机关或司法机关（一次）；`close` 结案。带上所读版本，已被他人修改则 409。' +
      `办理人：${recorders}。/ A step of the case.`,
    pathParameters: { id: idParameter('案件编号 / case id') },
    body: jsonRequest('办理步骤 / the step', enforcementStepSchema.meta({ id: 'EnforcementStep' })),
    response: ok('办理后 / the case after', enforcementCaseSchema),
    problems: [400, 403, 404, 409, 415],
  },
  publicInspections: {
    method: 'GET',
    path: '/v1/public/inspections',
    function: 'public-inspections',
    auth: 'public',
    summary: '双随机抽查结果公开（无需登录）',
    tags: ['public', 'inspections'],
    description:
      '一期（季度）的抽取及其核验数据（快照、SHA-256、种子、算法）和每家抽中企业的检查结果（检查事项、检查情况、发现的问题、处理结果）；' +
      '执法人员只公开姓名和执法证号，不含任何投诉人信息。按来源 IP 限流。/ The period’s draws and results, for the public.',
    query: publicInspectionsQuerySchema,
    response: ok('公开结果 / published results', publicInspectionsSchema),
    problems: [400, 429],
  },
} as const satisfies Record<string, ApiRoute>;
