/**
 * RFC 9457 problem+json from the API, made usable by forms: each `errors[].path` (`complainant.phone`,
 * `attachments.0`) becomes an antd field name, its message shown under the field.
 */
import type { FormInstance } from 'antd';
import type { Problem } from './schema.gen.ts';

export type { Problem };

export const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && 'status' in value && 'title' in value;

/** An antd name path of an API error path: `attachments.0.id` → ['attachments', 0, 'id']. */
export const fieldPath = (path: string): (string | number)[] =>
  path
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** The one-line text of a problem: its detail, else its title. */
export const problemText = (problem: Problem): string => problem.detail ?? problem.title;

/**
 * Puts each field error of `problem` under its field in `form`; returns the errors that name no field of the form
 * (to show above it). `known` lists the form's top-level field names.
 */
export const showFieldErrors = (form: FormInstance, problem: Problem, known: readonly string[]): string[] => {
  const loose: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const error of problem.errors ?? []) {
    const name = fieldPath(error.path);
    if (name.length > 0 && known.includes(String(name[0]))) fields.push({ name, errors: [error.message] });
    else loose.push(error.path ? `${error.path}：${error.message}` : error.message);
  }
  form.setFields(fields);
  return loose;
};
