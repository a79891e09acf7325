import { usccProblem } from '#enterprises/domain/uscc.ts';
import { channels, pollutionCategories } from '#intake/domain/complaint-input.ts';
import { startOfBureauDay } from '#platform/domain/time.ts';
import { z } from '#platform/domain/zod.ts';
import { type CaseState, caseKinds, caseStates, isFinishedState } from './case.ts';

/** States in which a case still needs someone's work. */
export const openStates: readonly CaseState[] = caseStates.filter((state) => !isFinishedState(state));

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** `GET /v1/cases` query parameters. */
export const caseListQuerySchema = z
  .object({
    state: z.enum(caseStates).optional(),
    kind: z.enum(caseKinds).optional(),
    unit: z.string().trim().min(1).max(100).optional(),
    assignee: z.string().trim().min(1).max(100).optional(),
    category: z.enum(pollutionCategories).optional(),
    channel: z.enum(channels).optional(),
    // Trimmed and upper-cased, not `usccSchema`'s transform: the export job's filters echo this schema in a response.
    uscc: z
      .string()
      .trim()
      .toUpperCase()
      .superRefine((value, context) => {
        const problem = usccProblem(value);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    receivedFrom: instant.optional(),
    receivedTo: instant.optional(),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export type CaseListQuery = z.output<typeof caseListQuerySchema>;

/** A date alone means the whole day in Asia/Shanghai. */
export const periodBound = (value: string | undefined, end: 'from' | 'to'): string | undefined => {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = startOfBureauDay(value);
    return (end === 'from' ? start : new Date(start.getTime() + 86_400_000 - 1)).toISOString();
  }
  return new Date(value).toISOString();
};
