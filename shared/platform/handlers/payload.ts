import type { z } from 'zod';
import type { FieldProblem } from '#platform/domain/errors.ts';

/** A schema's issues as dotted paths and messages, as logs and errors report them. */
export const problemsOf = (error: z.ZodError): FieldProblem[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
