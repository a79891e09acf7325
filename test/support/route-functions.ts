import type { Principal } from '#platform/domain/principal.ts';
import { apiEvent, type HttpResult, invoke } from './factories.ts';

/** A request to a route's function as API Gateway passes it, signed in as `principal`. */
export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly routeKey: string;
  readonly principal: Principal;
  readonly body?: unknown;
  readonly pathParameters?: Record<string, string>;
  readonly query?: Record<string, string>;
}

/** A route's function module, imported when the test file starts. */
export type RouteModules = Record<string, () => Promise<{ handler: unknown }>>;

/**
 * The route functions a test file calls by name: `load` imports them (in `beforeAll`), `call` invokes one with the
 * event API Gateway would pass, and `act` takes a case action through `act-on-case` (which the file must load).
 * @example
 * const { load, call } = routeFunctions();
 * beforeAll(() => load({ 'get-case': () => import('../../../functions/cases/get-case.ts') }));
 * const response = await call('get-case', { method: 'GET', path: `/v1/cases/${id}`, routeKey: 'GET /v1/cases/{id}', principal, pathParameters: { id } });
 */
export const routeFunctions = () => {
  const handlers: Record<string, unknown> = {};

  const call = (name: string, request: RouteRequest): Promise<HttpResult> => invoke(handlers[name], apiEvent(request));

  const load = async (modules: RouteModules): Promise<void> => {
    for (const [name, module] of Object.entries(modules)) handlers[name] = (await module()).handler;
  };

  const act = (caseId: string, action: string, principal: Principal, body: unknown = {}) =>
    call('act-on-case', {
      method: 'POST',
      path: `/v1/cases/${caseId}/actions/${action}`,
      routeKey: 'POST /v1/cases/{id}/actions/{action}',
      principal,
      pathParameters: { id: caseId, action },
      body,
    });

  return { load, call, act };
};
