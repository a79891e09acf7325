import type { OfficialRole } from '#platform/domain/principal.ts';

export interface User {
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly OfficialRole[];
  readonly unitId: string;
}
