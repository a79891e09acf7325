/**
 * The directory routes: who the caller is, the org units they may see, and the people of those units (the assignment
 * pickers) — with the query schema the function parses with and the schemas of what they answer. Names, roles and
 * units only: no email or phone leaves through these routes.
 */

import type { OrgUnit, OrgUnitKind } from '#directory/domain/org-units.ts';
import { roleLabels } from '#directory/domain/roles.ts';
import { type Colleague, colleaguesQuerySchema, type Profile } from '#directory/domain/users.ts';
import { officialRoles } from '#platform/domain/principal.ts';
import { z } from '#platform/domain/zod.ts';
import { type ApiRoute, describeEnum, flag, ok, schemaFor, text } from '#platform/http/api-registry.ts';

const unitKindLabels: Readonly<Record<OrgUnitKind, string>> = {
  bureau: '局',
  branch: '分局',
  department: '科室',
};

const roles = z.array(z.enum(officialRoles)).describe(`角色 / roles: ${describeEnum(roleLabels)}`);

const profileSchema = schemaFor<Profile>()(
  z
    .object({
      username: text('用户名 / username'),
      displayName: text('姓名 / display name'),
      roles,
      unitId: text('所在单位 / unit'),
      unitName: text('所在单位名称 / unit name'),
      unitPath: z
        .array(z.object({ id: text('单位 / unit id'), name: text('单位名称 / unit name') }))
        .describe('从根单位到所在单位的各级单位 / the units from the root down to the caller’s'),
    })
    .meta({ id: 'Profile', description: '当前登录的工作人员 / the signed-in official' }),
);

const orgUnitSchema = schemaFor<OrgUnit>()(
  z
    .object({
      id: text('单位编号 / unit id'),
      name: text('单位名称 / name'),
      kind: z.enum(['bureau', 'branch', 'department']).describe(`单位类型 / kind: ${describeEnum(unitKindLabels)}`),
      parentId: z.string().nullable().describe('上级单位，根单位为 null / the unit above; null at the root'),
      path: z.array(z.string()).describe('从根单位到本单位的编号 / ids from the root down to this unit'),
      petitionOffice: flag('信访办（受理新投诉）/ a petition office, which receives new complaints').optional(),
    })
    .meta({ id: 'OrgUnit', description: '组织机构中的一个单位 / an org unit' }),
);

const colleagueSchema = schemaFor<Colleague>()(
  z
    .object({
      username: text('用户名 / username'),
      displayName: text('姓名 / display name'),
      roles,
      unitId: text('所在单位 / unit'),
    })
    .meta({ id: 'Colleague', description: '工作人员（不含联系方式）/ an official, without contact details' }),
);

export const directoryApi = {
  getMe: {
    method: 'GET',
    path: '/v1/me',
    function: 'get-me',
    auth: 'official',
    summary: '当前登录的工作人员',
    tags: ['directory'],
    description:
      '当前登录的工作人员：姓名、角色，以及所在单位和从根单位到它的各级单位。角色和单位以登录凭证为准。/ The signed-in ' +
      'official: name, roles, and their unit with the path to it (roles and unit as the token carries them).',
    response: ok('当前工作人员 / the caller', profileSchema),
    problems: [404],
  },
  listUnits: {
    method: 'GET',
    path: '/v1/directory/units',
    function: 'list-units',
    auth: 'official',
    summary: '本单位及下级单位',
    tags: ['directory'],
    description:
      '调用者可见的单位：本单位及其下的全部单位，按树的顺序（每个单位之后是其下级单位）。/ The units the caller may ' +
      'see — their own and every unit below it — in tree order.',
    response: ok(
      '单位 / the units',
      z.object({ items: z.array(orgUnitSchema).describe('单位，按树的顺序 / the units, in tree order') }),
    ),
    problems: [404],
  },
  listUsers: {
    method: 'GET',
    path: '/v1/directory/users',
    function: 'list-users',
    auth: 'official',
    summary: '本单位及下级单位的工作人员（可按单位、角色筛选）',
    tags: ['directory'],
    description:
      '调用者可见单位的工作人员（默认全部可见单位；`unit` 须在可见范围内，否则 403），可按 `role` 筛选；只含姓名、角色' +
      '和单位，不含联系方式。用于派单时选择责任人（承办科室的承办人）和包案领导（科室所在路径上的包案领导）。/ ' +
      'Officials of the units the caller may see (or of `unit`, which must be one of them), optionally of one `role`; ' +
      'names, roles and units only. For the assignment pickers.',
    query: colleaguesQuerySchema,
    response: ok(
      '工作人员 / the officials',
      z.object({
        items: z.array(colleagueSchema).describe('按单位、用户名排列 / by unit, then username'),
      }),
    ),
    problems: [400, 403, 404],
  },
} as const satisfies Record<string, ApiRoute>;
