import { ConflictError, NotFoundError } from '#platform/domain/errors.ts';

export class EnterpriseNotFoundError extends NotFoundError {
  override name = 'EnterpriseNotFoundError';
}

/** A registration of a USCC that is registered already. */
export class EnterpriseExistsError extends ConflictError {
  override name = 'EnterpriseExistsError';
}

/** Someone else changed the enterprise since it was read. */
export class EnterpriseVersionConflictError extends ConflictError {
  override name = 'EnterpriseVersionConflictError';
}

/** An item written in the enterprise's transaction for another capability (an assessment) failed its condition. */
export class EnterpriseCompanionConflictError extends ConflictError {
  override name = 'EnterpriseCompanionConflictError';
}

/** An import of the same file is under way, or was made already. */
export class EnterpriseImportConflictError extends ConflictError {
  override name = 'EnterpriseImportConflictError';
}
