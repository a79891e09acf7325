/**
 * The administration routes of deadlines: the time-limit policies and the working calendar — with the zod schemas the
 * functions parse with and the schemas of what they answer.
 */

import { type CalendarYear, calendarYearBodySchema, calendarYearSchema } from '#deadlines/domain/calendar.ts';
import { type PolicySet, policySetSchema } from '#deadlines/domain/time-limit-policies.ts';
import type { readPolicies } from '#deadlines/services/time-limit-admin.ts';
import { z } from '#platform/domain/zod.ts';
import { type ApiRoute, jsonRequest, ok, schemaFor } from '#platform/http/api-registry.ts';

/** A saved version: the policies as entered, with their version number and who saved them when. */
const policySetViewSchema = schemaFor<PolicySet>()(
  policySetSchema
    .extend({
      version: z.int().min(1).describe('版本号 / version'),
      updatedAt: z.iso.datetime({ offset: true }).optional().describe('保存时间 / saved at'),
      updatedBy: z.string().optional().describe('保存人 / saved by'),
    })
    .describe('一个版本的时限规则 / one version of the time-limit policies'),
);

const policiesSchema = schemaFor<Awaited<ReturnType<typeof readPolicies>>>()(
  z
    .object({
      current: policySetViewSchema,
      versions: z.array(policySetViewSchema).describe('全部已保存的版本 / every saved version'),
    })
    .describe('现行版本及历史版本 / the version in force and every saved version'),
);

const calendarYearViewSchema = schemaFor<CalendarYear>()(
  z
    .object({
      year: z.int().describe('年份 / year'),
      source: z
        .enum(['library', 'admin', 'none'])
        .describe(
          '数据来源：`library` 节假日库，`admin` 管理员录入（优先），`none` 无数据（按工作日计算的时限将被标记）/ where the ' +
            'data comes from; `none`: working-day deadlines in this year are flagged',
        ),
      days: z
        .array(
          z
            .object({
              date: z.iso.date().describe('日期 / date (YYYY-MM-DD)'),
              kind: calendarYearBodySchema.shape.days.element.shape.kind.describe(
                '`holiday` 放假；`makeup-workday` 调休上班 / holiday, or weekend day worked in lieu',
              ),
              name: z.string().optional().describe('节日名称 / name of the holiday'),
            })
            .describe('一个特殊日期 / a special day'),
        )
        .describe(
          '该年生效的节假日与调休上班日（节假日库的日期被管理员录入的同日日期替换），按日期排序 / the special days in effect, ' +
            'library days replaced by admin days of the same date, by date',
        ),
      hasData: z.boolean().describe('该年是否有日历数据 / whether the year has calendar data'),
    })
    .describe('某年的工作日历 / one year of the working calendar'),
);

const calendarYearParameter = {
  description: '公历年份 / the year',
  schema: calendarYearSchema,
  example: 2027,
} as const;

export const deadlinesApi = {
  getTimeLimitPolicies: {
    method: 'GET',
    path: '/v1/admin/time-limit-policies',
    function: 'get-time-limit-policies',
    auth: 'official',
    summary: '办理时限规则（现行版本及历史版本）',
    tags: ['deadlines'],
    description:
      '现行办理时限规则及历史版本（管理员、督办人员）。/ The time-limit policies in force and every saved version.',
    response: ok('时限规则 / the policies', policiesSchema),
    problems: [403],
  },
  putTimeLimitPolicies: {
    method: 'PUT',
    path: '/v1/admin/time-limit-policies',
    function: 'put-time-limit-policies',
    auth: 'official',
    summary: '保存新版本的办理时限规则（已有事项的期限不变）',
    tags: ['deadlines'],
    description:
      '保存新版本的时限规则（管理员）；`basedOn` 须为现行版本号，否则 409。已有事项的期限及其所依据的版本不变。' +
      '/ Saves the next version (admins); `basedOn` must be the version in force. Existing deadlines do not move.',
    // The service parses the body itself, after checking the caller's role (a refused caller is a 403, not a 400).
    body: jsonRequest('时限规则 / the policies', policySetSchema.extend({ basedOn: z.number().int().min(1) })),
    response: ok('保存后的版本 / the saved version', policySetViewSchema),
    problems: [400, 403, 409],
  },
  getCalendarYear: {
    method: 'GET',
    path: '/v1/admin/calendar/{year}',
    function: 'get-calendar-year',
    auth: 'official',
    summary: '查看某年工作日历（节假日、调休上班日及数据来源）',
    tags: ['admin'],
    description:
      '某年的节假日与调休上班日及其来源；系统管理员和督办人员可查看。无数据的年份（`hasData: false`）中按工作日计算的时限会被标记，' +
      '须由管理员按国务院通知录入。/ The holidays and make-up working days of a year, and where they come from. A year ' +
      'without data flags working-day deadlines until an admin enters the notice.',
    pathParameters: { year: calendarYearParameter },
    response: ok('该年的工作日历 / the year', calendarYearViewSchema),
    problems: [400, 403],
  },
  putCalendarYear: {
    method: 'PUT',
    path: '/v1/admin/calendar/{year}',
    function: 'put-calendar-year',
    auth: 'official',
    summary: '录入或更正某年工作日历（系统管理员）',
    tags: ['admin'],
    description:
      '系统管理员按国务院节假日安排通知录入某年全部节假日（含假期中的周末）和调休上班日，替换此前为该年录入的内容；与节假日库' +
      '同日的日期以录入为准。录入后该年即视为有数据：因缺少该年数据而被标记的在办事项，其期限在下一次夜间检查（01:00）时按原起算' +
      '时间重算并取消标记，记入办理历史。/ An admin enters every holiday and make-up working day of a year from the State ' +
      'Council notice, replacing what admins entered for it before; the year then has calendar data, and the next nightly ' +
      'check (01:00) recomputes the open cases flagged for it from their clocks’ starts, unflags them and records it in ' +
      'their history.',
    pathParameters: { year: calendarYearParameter },
    // The service parses the body with the year's own checks (`calendarYearBodyFor`), after checking the caller's role.
    body: jsonRequest(
      '该年的特殊日期 / the special days of the year',
      calendarYearBodySchema.meta({ id: 'CalendarYearInput' }),
    ),
    response: ok('录入后的该年工作日历 / the year as stored', calendarYearViewSchema),
    problems: [400, 403, 415],
  },
} as const satisfies Record<string, ApiRoute>;
