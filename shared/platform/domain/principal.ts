/** The roles a verified token may carry: Cognito groups in AWS, the local issuer's claims on one machine. */
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
