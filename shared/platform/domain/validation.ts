import type { z } from 'zod';
import { ValidationError } from './errors.ts';

/** Parses `input` with `schema`, or throws a ValidationError naming every bad field (`place.address`). */
export const parseWith = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
    { cause: result.error },
  );
};
