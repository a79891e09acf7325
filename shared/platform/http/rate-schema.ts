import type { Rate } from '#platform/domain/rate.ts';
import { z } from '#platform/domain/zod.ts';
import { count, schemaFor, text } from './api-registry.ts';

/** One schema component for every rate of the API, so that each reads the same way. */
export const rateSchema = schemaFor<Rate>()(
  z
    .object({
      formula: text('公式 / formula'),
      numerator: count('分子 / numerator'),
      denominator: count('分母 / denominator'),
      value: z.number().min(0).max(1).nullable().describe('比率（0–1，分母为 0 时为 null）'),
      percent: text('百分比，如 98% / as reported'),
    })
    .meta({ id: 'Rate', description: '比率及其分子分母 / a rate with its numerator and denominator' }),
);
