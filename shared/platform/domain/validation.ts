import type { z } from 'zod';
import { type FieldProblem, ValidationError } from './errors.ts';

/** One problem per bad field; a field the schema does not know is named by its own path, not its object's. */
const problemsOf = (issue: z.core.$ZodIssue): FieldProblem[] => {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: '不允许的字段，请删除' }));
  }
  return [{ path: path.join('.'), message: issue.message }];
};

/** Parses `input` with `schema`, or throws a ValidationError naming every bad field (`place.address`). */
export const parseWith = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.flatMap(problemsOf), { cause: result.error });
};
