import type { OfficialRole } from '#platform/domain/principal.ts';
import type { Complainant } from './case.ts';

/** Intake and the petition office know who complained; everyone else sees the matter, not the person. */
const identityRoles: readonly OfficialRole[] = ['operator', 'dispatcher', 'hotline-system'];

export const maySeeIdentity = (roles: readonly OfficialRole[]): boolean =>
  roles.some((role) => identityRoles.includes(role));

export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';

export const maskEmail = (email: string): string => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
};

export interface ComplainantView {
  readonly anonymous: boolean;
  readonly confidential: boolean;
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
  /** True when name, phone and email are shown as stored (the read is recorded). */
  readonly unmasked: boolean;
}

/** What a caller with `roles` may see of a complainant. */
export const viewComplainant = (complainant: Complainant, roles: readonly OfficialRole[]): ComplainantView => {
  const base = { anonymous: complainant.anonymous, confidential: complainant.confidential };
  if (maySeeIdentity(roles)) return { ...base, ...complainant, unmasked: true };
  if (complainant.confidential || complainant.anonymous) return { ...base, unmasked: false };
  return {
    ...base,
    ...(complainant.name ? { name: `${complainant.name.slice(0, 1)}**` } : {}),
    ...(complainant.phone ? { phone: maskPhone(complainant.phone) } : {}),
    ...(complainant.email ? { email: maskEmail(complainant.email) } : {}),
    unmasked: false,
  };
};
