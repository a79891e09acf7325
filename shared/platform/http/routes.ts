/**
 * The route table shared by API Gateway (infra/) and the local server (local/), and the source of the OpenAPI document:
 * every capability's routes, each declared with its documentation in the capability's `api.ts`. Adding a capability
 * adds one line below and edits nothing else.
 */
import { campaignsApi } from '#campaigns/api.ts';
import { casesApi } from '#cases/api.ts';
import { deadlinesApi } from '#deadlines/api.ts';
import { directoryApi } from '#directory/api.ts';
import { enterprisesApi } from '#enterprises/api.ts';
import { gradingApi } from '#grading/api.ts';
import { inspectionsApi } from '#inspections/api.ts';
import { intakeApi } from '#intake/api.ts';
import { ledgerApi } from '#ledger/api.ts';
import { platformApi } from '#platform/api.ts';
import { rectificationApi } from '#rectification/api.ts';
import { statisticsApi } from '#statistics/api.ts';
import { surveysApi } from '#surveys/api.ts';
import type { ApiRoute } from './api-registry.ts';

export { type HttpMethod, type RouteAuth, type RouteDefinition, routeKey } from './api-registry.ts';

export const routes: readonly ApiRoute[] = [
  ...Object.values(platformApi),
  ...Object.values(intakeApi),
  ...Object.values(casesApi),
  ...Object.values(ledgerApi),
  ...Object.values(deadlinesApi),
  ...Object.values(directoryApi),
  ...Object.values(surveysApi),
  ...Object.values(statisticsApi),
  ...Object.values(campaignsApi),
  ...Object.values(rectificationApi),
  ...Object.values(enterprisesApi),
  ...Object.values(gradingApi),
  ...Object.values(inspectionsApi),
];

/**
 * CORS for pages on another origin, applied by API Gateway (infra/constructs/platform/api.ts) and by the local server:
 * preflight requests are answered before any route or authorizer. The console calls the API on its own origin (the
 * distribution's /v1/*), so in AWS CORS is on only for the bureau's own domain (`publicBaseUrl`); locally any origin
 * may call, since tokens, not cookies, authorise.
 */
export const corsPolicy = {
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-tracking-secret'],
  exposeHeaders: ['location', 'retry-after'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'OPTIONS'],
  maxAgeSeconds: 3600,
} as const;
