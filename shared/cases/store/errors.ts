import { ConflictError, NotFoundError } from '#platform/domain/errors.ts';

export class CaseNotFoundError extends NotFoundError {
  override name = 'CaseNotFoundError';
}

/** Someone else changed the case between our read and our write. */
export class CaseVersionConflictError extends ConflictError {
  override name = 'CaseVersionConflictError';
}
