import { ConflictError, NotFoundError } from '#platform/domain/errors.ts';

export class PlanNotFoundError extends NotFoundError {
  override name = 'PlanNotFoundError';
}

export class DrawNotFoundError extends NotFoundError {
  override name = 'DrawNotFoundError';
}

/** The plan was drawn already (a plan is drawn once: no second seed for the same pools). */
export class PlanDrawnError extends ConflictError {
  override name = 'PlanDrawnError';
}

/** Someone else changed the plan since it was read (or while it was being drawn). */
export class PlanVersionConflictError extends ConflictError {
  override name = 'PlanVersionConflictError';
}

/** The drawn firm's inspection was recorded already. */
export class InspectionRecordedError extends ConflictError {
  override name = 'InspectionRecordedError';
}

export class EnforcementCaseNotFoundError extends NotFoundError {
  override name = 'EnforcementCaseNotFoundError';
}

/** Someone else changed the record (or the firm it writes to) since it was read. */
export class InspectionsVersionConflictError extends ConflictError {
  override name = 'InspectionsVersionConflictError';
}
