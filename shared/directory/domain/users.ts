import { type OfficialRole, officialRoles } from '#platform/domain/principal.ts';
import { z } from '#platform/domain/zod.ts';

export interface User {
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly OfficialRole[];
  readonly unitId: string;
}

/** A user as colleagues see them in the directory (the people pickers): no email, no phone. */
export type Colleague = Pick<User, 'username' | 'displayName' | 'roles' | 'unitId'>;

export const colleagueOf = ({ username, displayName, roles, unitId }: User): Colleague => ({
  username,
  displayName,
  roles,
  unitId,
});

/** Who the caller is, as the console shows them: their name, roles and unit with its place in the tree. */
export interface Profile {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly OfficialRole[];
  readonly unitId: string;
  readonly unitName: string;
  /** The units from the root down to and including the caller's, each with its name. */
  readonly unitPath: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** `GET /v1/directory/users`: the users of a unit (default: every unit in the caller's scope), of a role if given. */
export const colleaguesQuerySchema = z
  .object({
    unit: z.string().trim().min(1).max(100).optional(),
    role: z.enum(officialRoles).optional(),
  })
  .strict();

export type ColleaguesQuery = z.output<typeof colleaguesQuerySchema>;
