import { ConflictError } from '#platform/domain/errors.ts';

/** Someone else changed the survey since it was read, or it exists already. */
export class SurveyConflictError extends ConflictError {
  override name = 'SurveyConflictError';
}
