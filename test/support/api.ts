import type { CaseView } from '#cases/domain/case-view.ts';
import type { Principal } from '#platform/domain/principal.ts';
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

/**
 * Calls the intake, action and read handlers the way API Gateway would, for integration tests that walk through several
 * routes. The functions are imported on first use: after `startLocalAws()` has set the environment they read.
 */
export const apiClient = () => ({
  submit: async (body: unknown = aComplaint(), principal: Principal = demo.operator) =>
    bodyOf<CaseView>(
      await invoke(
        (await import('../../functions/intake/submit-complaint.ts')).handler,
        apiEvent({ method: 'POST', path: '/v1/complaints', routeKey: 'POST /v1/complaints', principal, body }),
      ),
    ),
  act: async (id: string, action: string, principal: Principal, body: unknown = {}) =>
    invoke(
      (await import('../../functions/cases/act-on-case.ts')).handler,
      apiEvent({
        method: 'POST',
        path: `/v1/cases/${id}/actions/${action}`,
        routeKey: 'POST /v1/cases/{id}/actions/{action}',
        pathParameters: { id, action },
        principal,
        body,
      }),
    ),
  read: async (id: string, principal: Principal = demo.dispatcher) =>
    invoke(
      (await import('../../functions/cases/get-case.ts')).handler,
      apiEvent({
        method: 'GET',
        path: `/v1/cases/${id}`,
        routeKey: 'GET /v1/cases/{id}',
        pathParameters: { id },
        principal,
      }),
    ),
});
