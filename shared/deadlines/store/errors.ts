import { ConflictError } from '#platform/domain/errors.ts';

/** Someone saved a new policy version since the caller read theirs. */
export class PolicyVersionConflictError extends ConflictError {
  override name = 'PolicyVersionConflictError';
}

/**
 * A case names a policy version that was never saved: the stored data is inconsistent. Not the caller's mistake, so
 * it is no 4xx error.
 */
export class PolicySetVersionNotFoundError extends Error {
  override name = 'PolicySetVersionNotFoundError';
}
