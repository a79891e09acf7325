/** How many registered enterprises hold each overall grade, and how many have none yet. */
import { countEntries } from '#enterprises/store/enterprises.ts';
import { gradeFacet } from '#enterprises/store/keys.ts';
import { type Grade, grades } from '#grading/domain/grades.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { requireEnterpriseReader } from './access.ts';

export type GradeBucket = Grade | 'none';

export interface GradeCounts {
  readonly counts: Readonly<Record<GradeBucket, number>>;
  readonly total: number;
}

/** Each grade's count from its search-index partition (one COUNT query a grade, in parallel); never the firms. */
export const countGrades = async (principal: Principal): Promise<GradeCounts> => {
  requireEnterpriseReader(principal);
  const buckets: readonly GradeBucket[] = [...grades, 'none'];
  const counted = await Promise.all(buckets.map((bucket) => countEntries(gradeFacet(bucket))));
  const counts = Object.fromEntries(buckets.map((bucket, index) => [bucket, counted[index] ?? 0])) as Record<
    GradeBucket,
    number
  >;
  return { counts, total: counted.reduce((sum, count) => sum + count, 0) };
};
