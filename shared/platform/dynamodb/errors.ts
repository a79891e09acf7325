import { ConflictError, NotFoundError } from '#platform/domain/errors.ts';

export class CaseNotFoundError extends NotFoundError {
  override name = 'CaseNotFoundError';
}

export class UserNotFoundError extends NotFoundError {
  override name = 'UserNotFoundError';
}

export class OrgUnitNotFoundError extends NotFoundError {
  override name = 'OrgUnitNotFoundError';
}

/** Someone else changed the item between our read and our write. */
export class CaseVersionConflictError extends ConflictError {
  override name = 'CaseVersionConflictError';
}

/** The store could not complete a write for a reason other than a condition (throttling, a service fault). */
export class PersistenceError extends Error {
  override name = 'PersistenceError';
}

/** Someone saved a new policy version since the caller read theirs. */
export class PolicyVersionConflictError extends ConflictError {
  override name = 'PolicyVersionConflictError';
}
