import { ConflictError, NotFoundError } from '#platform/domain/errors.ts';

export class ExportJobNotFoundError extends NotFoundError {
  override name = 'ExportJobNotFoundError';
}

/** Another worker holds the job now (its lease has not run out): this delivery must wait and come again. */
export class ExportJobBusyError extends ConflictError {
  override name = 'ExportJobBusyError';
}

/** The job is no longer this worker's to finish: another took it over after this one's lease ran out. */
export class ExportJobLostError extends ConflictError {
  override name = 'ExportJobLostError';
}

export class ReconciliationNotFoundError extends NotFoundError {
  override name = 'ReconciliationNotFoundError';
}

/** Another worker holds the reconciliation now (its lease has not run out): this delivery must wait and come again. */
export class ReconciliationBusyError extends ConflictError {
  override name = 'ReconciliationBusyError';
}

/** The reconciliation is no longer this worker's to finish: another took it over after this one's lease ran out. */
export class ReconciliationLostError extends ConflictError {
  override name = 'ReconciliationLostError';
}
