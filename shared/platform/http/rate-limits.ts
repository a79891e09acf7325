import { now } from '#platform/clock.ts';
import { countRequest } from '#platform/dynamodb/rate-limit.ts';
import { TooManyRequestsError } from './errors.ts';

export interface RateLimit {
  readonly windowSeconds: number;
  readonly limit: number;
}

/** Limits per client address on the public endpoints (API Gateway also throttles each route as a whole). */
export const publicLimits = {
  submitComplaint: [
    { windowSeconds: 600, limit: 5 },
    { windowSeconds: 86_400, limit: 20 },
  ],
  /** Up to 10 attachments a complaint, a few complaints a day. */
  createUpload: [
    { windowSeconds: 600, limit: 30 },
    { windowSeconds: 86_400, limit: 100 },
  ],
  /** Tracking secrets have 160 bits, but a tight limit keeps anyone from even trying. */
  trackComplaint: [{ windowSeconds: 60, limit: 30 }],
  /** Survey links carry 160-bit tokens; reading and answering share one limit. */
  survey: [{ windowSeconds: 60, limit: 30 }],
  /** The published inspection results: large answers (each draw's snapshot), read now and then. */
  publicInspections: [{ windowSeconds: 60, limit: 20 }],
} as const satisfies Record<string, readonly RateLimit[]>;

/** Counts a request of `client` against each limit; one exceeded → 429 with the seconds until its window ends. */
export const enforceRateLimits = async (scope: string, client: string, limits: readonly RateLimit[]): Promise<void> => {
  const at = now();
  const counts = await Promise.all(limits.map((limit) => countRequest(scope, client, limit.windowSeconds, at)));
  const exceeded = limits.find((limit, index) => (counts[index] ?? 0) > limit.limit);
  if (exceeded) {
    const windowEnd = (Math.floor(at.getTime() / 1000 / exceeded.windowSeconds) + 1) * exceeded.windowSeconds;
    throw new TooManyRequestsError(
      `请求过于频繁，请 ${Math.ceil(windowEnd - at.getTime() / 1000)} 秒后再试`,
      Math.max(1, Math.ceil(windowEnd - at.getTime() / 1000)),
    );
  }
};
