/**
 * Who may use the register: every official reads it (intake links complaints to firms, handlers go on site, leaders
 * read grades); the petition office (`dispatcher`) and administrators register, import and edit firms. Grades are not
 * edited here: only a published assessment changes them (see shared/grading).
 */
import { requireRole } from '#directory/domain/roles.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';

export const enterpriseEditors: readonly OfficialRole[] = ['dispatcher', 'admin'];

export const requireEnterpriseEditor = (principal: Principal): void =>
  requireRole(principal, enterpriseEditors, '只有信访办和系统管理员可以登记、导入和修改企业信息');

/** Any official may read the register (a token without roles is not an official's). */
export const requireEnterpriseReader = (principal: Principal): void =>
  requireRole(principal, ['operator', 'dispatcher', 'handler', 'lead', 'supervisor', 'admin'], '无权查看企业名录');
