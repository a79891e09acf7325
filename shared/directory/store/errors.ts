import { NotFoundError } from '#platform/domain/errors.ts';

export class UserNotFoundError extends NotFoundError {
  override name = 'UserNotFoundError';
}

export class OrgUnitNotFoundError extends NotFoundError {
  override name = 'OrgUnitNotFoundError';
}
