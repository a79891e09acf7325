import { ConflictError, NotFoundError } from '#platform/domain/errors.ts';

export class SchemeNotFoundError extends NotFoundError {
  override name = 'SchemeNotFoundError';
}

/** A scheme saved on a version that is no longer the one in force. */
export class SchemeVersionConflictError extends ConflictError {
  override name = 'SchemeVersionConflictError';
}

export class AssessmentNotFoundError extends NotFoundError {
  override name = 'AssessmentNotFoundError';
}

/** Someone else changed the assessment since it was read. */
export class AssessmentVersionConflictError extends ConflictError {
  override name = 'AssessmentVersionConflictError';
}
