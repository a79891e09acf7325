import type { CaseView } from '#domain/case-view.ts';
import type { Principal } from '#domain/roles.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from './factories.ts';

export const demo = {
  operator: aPrincipal('operator', 'city-petition'),
  dispatcher: aPrincipal('dispatcher', 'city-petition'),
  handler: aPrincipal('handler', 'east-enforcement'),
  handler2: aPrincipal('handler', 'east-solid-waste', 'handler2'),
  lead: aPrincipal('lead', 'east'),
  supervisor: aPrincipal('supervisor', 'city'),
} as const;

export const demoAssignmentInput = {
  departmentId: 'east-enforcement',
  responsibleUsername: 'handler',
  leadUsername: 'lead',
};

/** Calls handlers the way API Gateway would, for integration tests that walk through several routes. */
export const apiClient = (handlers: { submitComplaint?: unknown; actOnCase?: unknown; getCase?: unknown }) => ({
  submit: async (body: unknown = aComplaint(), principal: Principal = demo.operator) =>
    bodyOf<CaseView>(
      await invoke(
        handlers.submitComplaint,
        apiEvent({ method: 'POST', path: '/v1/complaints', routeKey: 'POST /v1/complaints', principal, body }),
      ),
    ),
  act: (id: string, action: string, principal: Principal, body: unknown = {}) =>
    invoke(
      handlers.actOnCase,
      apiEvent({
        method: 'POST',
        path: `/v1/cases/${id}/actions/${action}`,
        routeKey: 'POST /v1/cases/{id}/actions/{action}',
        pathParameters: { id, action },
        principal,
        body,
      }),
    ),
  read: (id: string, principal: Principal = demo.dispatcher) =>
    invoke(
      handlers.getCase,
      apiEvent({
        method: 'GET',
        path: `/v1/cases/${id}`,
        routeKey: 'GET /v1/cases/{id}',
        pathParameters: { id },
        principal,
      }),
    ),
});
