import { ForbiddenError } from '#platform/domain/errors.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';
export const roleLabels: Readonly<Record<OfficialRole, string>> = {
  operator: '接线员',
  dispatcher: '信访办',
  handler: '承办人',
  lead: '包案领导',
  supervisor: '督办人员',
  admin: '系统管理员',
  'hotline-system': '热线系统',
};

/** Throws a ForbiddenError with `message` unless the principal holds one of `allowed`. */
export const requireRole = (principal: Principal, allowed: readonly OfficialRole[], message: string): void => {
  if (!principal.roles.some((role) => allowed.includes(role))) throw new ForbiddenError(message);
};
