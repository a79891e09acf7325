import { ForbiddenError } from '#platform/domain/errors.ts';
export const officialRoles = [
  'operator',
  'dispatcher',
  'handler',
  'lead',
  'supervisor',
  'admin',
  'hotline-system',
] as const;

export type OfficialRole = (typeof officialRoles)[number];

export const isOfficialRole = (value: string): value is OfficialRole =>
  (officialRoles as readonly string[]).includes(value);

/** Who is acting: taken from a verified token, never from the request body. */
export interface Principal {
  readonly username: string;
  readonly roles: readonly OfficialRole[];
  /** The org unit the user belongs to; the user acts on this unit and the units below it. */
  readonly unitId: string;
}

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
