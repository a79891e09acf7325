import type { FieldProblem } from '#platform/domain/errors.ts';

/** A function was invoked with an event that is not the payload it takes (a misconfigured schedule or trigger). */
export class InvalidEventError extends Error {
  override name = 'InvalidEventError';
  readonly errors: readonly FieldProblem[];
  constructor(what: string, errors: readonly FieldProblem[], options?: ErrorOptions) {
    super(`${what}: ${errors.map((problem) => `${problem.path || '(event)'} ${problem.message}`).join('; ')}`, options);
    this.errors = errors;
  }
}

/** A queue message whose body is not JSON, or not one of the messages the queue carries: it fails alone. */
export class UnreadableMessageError extends Error {
  override name = 'UnreadableMessageError';
  readonly messageId: string;
  readonly errors: readonly FieldProblem[];
  constructor(messageId: string, errors: readonly FieldProblem[], options?: ErrorOptions) {
    super(`queue message ${messageId} is unreadable`, options);
    this.messageId = messageId;
    this.errors = errors;
  }
}
