/**
 * Errors of idempotent intake. The HTTP layer knows them by name (`shared/platform/http/problem.ts`, where they were
 * first Powertools' errors): 422 and 409.
 */

/** The Idempotency-Key was first used with a different request body. */
export class IdempotencyValidationError extends Error {
  override name = 'IdempotencyValidationError';
}

/**
 * A request with the same key is being stored at this very moment and has neither landed nor failed within the wait:
 * a retry a little later gets its case.
 */
export class IdempotencyAlreadyInProgressError extends Error {
  override name = 'IdempotencyAlreadyInProgressError';
  /** For the `Retry-After` header of the 409. */
  readonly retryAfterSeconds = 1;
}
