/** The survey routes: the public survey page's, the operators' call list, the figures and the settings. */

import { caseIdSchema } from '#cases/domain/ids.ts';
import { z } from '#platform/domain/zod.ts';
import {
  type ApiParameter,
  type ApiRoute,
  count,
  describeEnum,
  enumOf,
  flag,
  instant,
  jsonRequest,
  narrowSchemaFor,
  objectKeyedBy,
  ok,
  schemaFor,
  text,
} from '#platform/http/api-registry.ts';
import { rateSchema } from '#platform/http/rate-schema.ts';
import { counterLabels, type SurveyCounts, type SurveyRates } from './domain/figures.ts';
import { followUpQuerySchema, followUpSchema, summaryQuerySchema, tokenSchema } from './domain/requests.ts';
import {
  answerSchema,
  invalidationSchema,
  type Survey,
  type SurveySettings,
  satisfactionLabels,
  solvedLabels,
  statusLabels,
  surveySettingsSchema,
} from './domain/survey.ts';
import type { PublicSurvey } from './services/public-survey.ts';
import type { SurveySummary } from './services/summary.ts';
import type { CallListEntry } from './store/surveys.ts';

const satisfactionSchema = enumOf(satisfactionLabels);
const solvedSchema = enumOf(solvedLabels);
const statusSchema = enumOf(statusLabels);
const date = (description: string) => z.iso.date().describe(description);

const tokenParameter = {
  description: '评价链接中的令牌（27 位）/ the token of the survey link',
  schema: tokenSchema,
  example: 'm2Q9x4B1zRk7M2Q9x4B1zRk7M2Q',
} as const satisfies ApiParameter;
const surveyIdParameter = {
  description: '回访编号 / survey id',
  schema: z.string().trim().min(1).max(64),
} as const satisfies ApiParameter;
const caseIdParameter = {
  description: '督办事项编号（ULID）/ case id',
  schema: caseIdSchema,
} as const satisfies ApiParameter;

export const publicSurveySchema = narrowSchemaFor<PublicSurvey>()(
  z
    .object({
      caseNumber: text('事项编号 / the case number'),
      category: text('污染类别 / pollution category'),
      town: text('乡镇（街道）/ town').optional(),
      publicReply: text('办理结果（对投诉人的答复）/ the reply to the complainant'),
      closedAt: instant('办结时间 / when the result was closed'),
      expiresAt: instant('评价截止时间 / answers are taken until'),
      status: statusSchema,
      canAnswer: flag('是否还能评价 / whether an answer is still taken'),
      refusal: text('不能评价的原因 / why no answer is taken').optional(),
      answer: z
        .object({ satisfaction: satisfactionSchema, solved: solvedSchema.optional(), at: instant('评价时间') })
        .optional()
        .describe('已作出的评价 / the answer given'),
    })
    .meta({
      id: 'PublicSurvey',
      description: '评价页所见：事项与办理结果，不含任何个人信息 / what the survey page shows',
    }),
);

const surveySchema = narrowSchemaFor<Survey>()(
  z
    .object({
      id: text('回访编号'),
      caseId: text('投诉人的事项'),
      resultCaseId: text('被评价办理结果所在的事项（合并件为主件）'),
      unitId: text('承办单位'),
      unitPath: z.array(z.string()),
      intakePath: z.array(z.string()),
      closedAt: instant('办结时间'),
      closedDate: date('办结日（北京时间），统计按此日归属'),
      channel: z.enum(['email', 'phone', 'none']).describe('`email` 邮件；`phone` 电话；`none` 无联系方式'),
      status: statusSchema,
      version: count('版本', 1),
      createdAt: instant('创建时间'),
      expiresAt: instant('评价截止时间'),
      remindAt: instant('提醒邮件时间').optional(),
      remindedAt: instant('已提醒时间').optional(),
      invitedAt: instant('评价邮件发送时间').optional(),
      callDueDate: date('电话回访应办日').optional(),
      phoneHint: text('脱敏电话').optional(),
      attempts: z.array(
        z.object({ at: instant('呼叫时间'), date: date('呼叫日'), by: text('接线员'), note: text('说明').optional() }),
      ),
      answer: z
        .object({
          satisfaction: satisfactionSchema,
          solved: solvedSchema.optional(),
          comment: text('投诉人意见').optional(),
          at: instant('评价时间'),
          by: text('评价人：投诉人，或记录电话回访的接线员'),
          via: z.enum(['email', 'phone']),
        })
        .optional(),
      invalidation: z.object({ reason: text('理由'), by: text('督办人员'), at: instant('时间') }).optional(),
      subject: z.object({
        caseNumber: z.string(),
        category: z.string(),
        town: z.string().optional(),
        publicReply: z.string(),
      }),
      history: z.array(
        z.object({
          at: instant('时间'),
          by: text('操作人'),
          what: z.enum([
            'created',
            'invited',
            'reminded',
            'call-attempt',
            'answered',
            'expired',
            'unreachable',
            'invalidated',
          ]),
          note: text('说明').optional(),
        }),
      ),
    })
    .meta({ id: 'Survey', description: '回访（满意度评价）/ a follow-up survey' }),
);

const callListEntrySchema = schemaFor<CallListEntry>()(
  z
    .object({
      surveyId: text('回访编号'),
      caseId: text('事项'),
      caseNumber: text('事项编号'),
      category: text('污染类别'),
      town: text('乡镇（街道）').optional(),
      closedAt: instant('办结时间'),
      callDueDate: date('应回访日'),
      attempts: count('已呼叫未接通次数'),
      phoneHint: text('脱敏电话（查看完整号码会被记录）').optional(),
      version: count('回访版本：记录结果时回传', 1),
    })
    .meta({ id: 'CallListEntry', description: '电话回访清单中的一项 / a call due' }),
);

const countsSchema = schemaFor<SurveyCounts>()(
  objectKeyedBy(counterLabels, z.int().min(0)).meta({
    id: 'SurveyCounts',
    description: `回访计数 / survey counts：${describeEnum(counterLabels)}`,
  }),
);

const surveyRatesShape = {
  satisfaction: rateSchema,
  solved: rateSchema,
  excluded: z
    .object({
      pending: count('待评价'),
      notEvaluated: count('逾期未评价'),
      unreachable: count('无法联系'),
      invalid: count('无效评价'),
      noContact: count('无联系方式'),
    })
    .describe('未计入满意度分母的回访 / surveys outside the satisfaction rate'),
  evaluated: count('有效评价数（满意度分母）'),
};

/** The survey rates with what they leave out, as other capabilities' figures show them. */
export const surveyRatesSchema = schemaFor<SurveyRates>()(
  z.object(surveyRatesShape).meta({
    id: 'SurveyRates',
    description: '回访满意度、解决率及未计入的回访 / the survey rates and the surveys outside them',
  }),
);

const summarySchema = schemaFor<SurveySummary>()(
  z
    .object({
      unitId: text('单位'),
      unitName: text('单位名称'),
      from: date('起始办结日'),
      to: date('截止办结日'),
      counts: countsSchema,
      daysRead: count('读取的日计数条数'),
      ...surveyRatesShape,
      recount: z
        .object({ counts: countsSchema, surveysRead: count('读取的回访数'), matches: flag('与计数一致') })
        .optional(),
    })
    .meta({ id: 'SurveySummary', description: '回访统计 / survey figures of a unit and period' }),
);

const settingsSchema = schemaFor<SurveySettings>()(
  z
    .object({
      reminderAfterDays: count('发出评价邮件后几天提醒一次', 1),
      expiryDays: count('办结后几天内可评价，逾期计为未评价', 2),
      maxCallAttempts: count('几个工作日呼叫未接通后计为无法联系', 1),
    })
    .meta({ id: 'SurveySettings', description: '回访设置 / survey settings' }),
);

export const surveysApi = {
  getPublicSurvey: {
    method: 'GET',
    path: '/v1/surveys/{token}',
    function: 'get-survey',
    auth: 'public',
    summary: '凭评价链接查看办理结果与评价状态',
    tags: ['public'],
    description:
      '评价页：事项编号、类别、办理结果与评价状态，不含投诉人和工作人员的任何个人信息。按来源 IP 限流。/ The survey page: the ' +
      'matter, its result and whether an answer is still taken; no personal data. Rate-limited by client IP.',
    pathParameters: { token: tokenParameter },
    response: ok('评价页 / the survey', publicSurveySchema),
    problems: [400, 404, 429],
  },
  answerPublicSurvey: {
    method: 'POST',
    path: '/v1/surveys/{token}',
    function: 'answer-survey',
    auth: 'public',
    summary: '投诉人评价办理结果（每件一次）',
    tags: ['public'],
    description:
      '满意 / 基本满意 / 不满意，问题是否解决，留言。每个回访只能评价一次，再次提交返回 409；逾期返回 409。不满意的，事项转为“申请复核”，' +
      '由包案领导决定重新办理或维持结果。/ The answer, once; a dissatisfied one asks the lead official for a review.',
    pathParameters: { token: tokenParameter },
    body: jsonRequest('评价 / the answer', answerSchema.meta({ id: 'SurveyAnswerInput' })),
    response: ok('评价后的回访 / the survey as answered', publicSurveySchema),
    problems: [400, 404, 409, 429],
  },
  getSurveySummary: {
    method: 'GET',
    path: '/v1/surveys/summary',
    function: 'get-survey-summary',
    auth: 'official',
    summary: '回访统计：满意度、解决率及未计入的各类回访',
    tags: ['surveys'],
    description:
      '某单位（含下级单位）某期间办结事项的回访统计，取自随每次回访变更同步累加的计数，不逐件读取回访。满意度 =（满意 + 基本满意）÷ 有效评价；' +
      '逾期未评价、无法联系、无效、无联系方式另列，不计为满意。`recount=true` 另逐件重算并比对。/ Survey figures from counters.',
    query: summaryQuerySchema,
    response: ok('回访统计 / the figures', summarySchema),
    problems: [400, 403, 404],
  },
  listFollowUps: {
    method: 'GET',
    path: '/v1/follow-ups',
    function: 'list-follow-ups',
    auth: 'official',
    summary: '电话回访清单（到期的在前）',
    tags: ['surveys'],
    description:
      '本单位到期的电话回访，应回访日早的在前；电话号码脱敏，查看完整号码须单独请求并被记录。/ The calls due, longest due first.',
    query: followUpQuerySchema,
    response: ok('回访清单 / the call list', z.array(callListEntrySchema)),
    problems: [400, 403],
  },
  recordFollowUp: {
    method: 'POST',
    path: '/v1/follow-ups/{id}',
    function: 'record-follow-up',
    auth: 'official',
    summary: '记录电话回访结果：评价，或未接通',
    tags: ['surveys'],
    description:
      '`outcome: answered` 记录投诉人的评价；`outcome: unreachable` 记录一次未接通，次日（工作日）再回访，在不同的工作日累计未接通达到设定次数' +
      '（默认 3）计为无法联系。/ An answer taken by phone, or a call that reached nobody.',
    pathParameters: { id: surveyIdParameter },
    body: jsonRequest('回访结果 / what the call came to', followUpSchema.meta({ id: 'FollowUpInput' })),
    response: ok('回访 / the survey', surveySchema),
    problems: [400, 403, 404, 409],
  },
  revealFollowUpContact: {
    method: 'POST',
    path: '/v1/follow-ups/{id}/contact',
    function: 'reveal-follow-up-contact',
    auth: 'official',
    summary: '查看回访对象的电话（记录个人信息访问）',
    tags: ['surveys'],
    description: '返回投诉人电话与称呼，并记入个人信息访问记录。/ The number to call; the access is recorded.',
    pathParameters: { id: surveyIdParameter },
    response: ok(
      '联系方式 / the contact',
      z.object({ phone: text('电话'), name: text('称呼').optional() }).meta({ id: 'FollowUpContact' }),
    ),
    problems: [403, 404],
  },
  listCaseSurveys: {
    method: 'GET',
    path: '/v1/cases/{id}/surveys',
    function: 'list-case-surveys',
    auth: 'official',
    summary: '事项的回访与评价',
    tags: ['surveys'],
    description:
      '该事项投诉人的回访，以及对其办理结果的全部回访（含合并件）。/ The surveys of a case and of its result.',
    pathParameters: { id: caseIdParameter },
    response: ok('回访 / the surveys', z.array(surveySchema)),
    problems: [400, 403, 404],
  },
  invalidateCaseSurvey: {
    method: 'POST',
    path: '/v1/cases/{id}/surveys/{surveyId}/invalidate',
    function: 'invalidate-survey',
    auth: 'official',
    summary: '督办人员判定评价无效（须写明理由）',
    tags: ['surveys'],
    description:
      '判定后该评价不计入满意度，列入“无效评价”，理由记入回访记录。/ A supervisor judges an answer invalid, with a reason.',
    pathParameters: { id: caseIdParameter, surveyId: surveyIdParameter },
    body: jsonRequest(
      '理由与版本 / the reason and version',
      invalidationSchema.meta({ id: 'SurveyInvalidationInput' }),
    ),
    response: ok('回访 / the survey', surveySchema),
    problems: [400, 403, 404, 409],
  },
  getSurveySettings: {
    method: 'GET',
    path: '/v1/admin/survey-settings',
    function: 'get-survey-settings',
    auth: 'official',
    summary: '回访设置',
    tags: ['admin'],
    description: '提醒天数、评价期限、电话回访最多尝试的工作日数。/ Survey settings.',
    response: ok('设置 / the settings', settingsSchema),
    problems: [403],
  },
  putSurveySettings: {
    method: 'PUT',
    path: '/v1/admin/survey-settings',
    function: 'put-survey-settings',
    auth: 'official',
    summary: '修改回访设置（仅管理员）',
    tags: ['admin'],
    description: '此后新建的回访按新设置；已建回访保持原评价期限。/ New surveys follow the new settings.',
    body: jsonRequest('设置 / the settings', surveySettingsSchema),
    response: ok('设置 / the settings', settingsSchema),
    problems: [400, 403],
  },
} as const satisfies Record<string, ApiRoute>;
