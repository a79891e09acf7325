import type { HealthStatus } from '#platform/api.ts';
import { now } from '#platform/clock.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { jsonResponse } from '#platform/http/responses.ts';

export const handler = httpHandler(async () =>
  jsonResponse(200, { status: 'ok', time: now().toISOString() } satisfies HealthStatus),
);
