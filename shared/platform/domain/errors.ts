/** One bad field of a request: `path` in dotted form (`place.address`), `message` in Chinese. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly errors: readonly FieldProblem[];
  constructor(errors: readonly FieldProblem[], options?: ErrorOptions) {
    super(`请求内容有 ${errors.length} 处错误`, options);
    this.errors = errors;
  }
}

/** The caller's role or org-unit scope does not allow the action. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** The action does not fit the current state, or someone else changed the item first. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}

/** What `lookup` finds, or `undefined` when it throws NotFoundError: the caller says which field named the missing thing. */
export const orMissing = async <T>(lookup: Promise<T>): Promise<T | undefined> => {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
};
